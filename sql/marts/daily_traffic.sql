-- @table      {{marts_schema}}.daily_traffic
-- @description The headline figures of each day: traffic, audience, errors and response times.
-- @grain      one row per day and site: the headline figures of the executive summary. Visitors and
--             percentiles do not add up over sites: all sites' are read from daily_visitors and
--             daily_response_times (reports/kpis.sql, views/daily_kpis.sql), never summed from here.
-- @partitioned_by dt
-- @test       not_null: site, requests, visitors, sessions
-- @test       unique: site
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site the figures are of
-- @column requests: Valid requests of the day
-- @column page_views: Page views: successful GETs of pages by people (not bots, assets, feeds or API calls)
-- @column visitors: Distinct visitors: distinct (client IP, user agent) pairs
-- @column distinct_client_ips: Distinct client IP addresses
-- @column sessions: Sessions of people (bots excluded)
-- @column bounced_sessions: Sessions of people with at most one page view
-- @column response_bytes: Bytes served (response bodies)
-- @column bot_requests: Requests by bots (user agent contains bot, crawler, spider or slurp)
-- @column client_error_requests: Requests answered with a 4xx status
-- @column server_error_requests: Requests answered with a 5xx status
-- @column p50_ms: Median response time in milliseconds: the nearest rank over daily_response_times (less than
--                1% below the true value; requests without a logged time are left out)
-- @column p95_ms: 95th percentile of the response time in milliseconds (nearest rank, as p50_ms)
-- @column p99_ms: 99th percentile of the response time in milliseconds (nearest rank, as p50_ms)
-- @column dt: UTC date; the partition
--
-- Visitors and percentiles come from the marts built just before (daily_visitors, daily_response_times), so
-- that a day and a week are counted the same way (see reports/kpis.sql).
WITH requests AS (
    SELECT
        dt,
        site,
        count(*) AS requests,
        count_if(is_page_view) AS page_views,
        sum(response_bytes) AS response_bytes,
        count_if(is_bot) AS bot_requests,
        count_if(status BETWEEN 400 AND 499) AS client_error_requests,
        count_if(status BETWEEN 500 AND 599) AS server_error_requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, site
),
visitors AS (
    SELECT dt, site, count(*) AS visitors, count(DISTINCT client_ip) AS distinct_client_ips
    FROM {{catalog}}.{{marts_schema}}.daily_visitors
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, site
),
running_times AS (
    SELECT
        dt,
        site,
        response_micros,
        sum(requests) OVER (PARTITION BY dt, site ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY dt, site) AS timed
    FROM {{catalog}}.{{marts_schema}}.daily_response_times
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
),
percentiles AS (
    -- Nearest rank: the smallest bucket whose running count reaches the share, in integers. Divided by 1e3, a
    -- double: "/ 1000.0" is a decimal division, which keeps one decimal digit (2329 / 1000.0 = 2.3).
    SELECT
        dt,
        site,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 50 * timed) / 1e3 AS real) AS p50_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 99 * timed) / 1e3 AS real) AS p99_ms
    FROM running_times
    GROUP BY dt, site
),
sessions AS (
    SELECT
        dt,
        site,
        count_if(NOT is_bot) AS sessions,
        count_if(NOT is_bot AND is_bounce) AS bounced_sessions
    FROM {{catalog}}.{{marts_schema}}.sessions
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, site
),
final AS (
    SELECT
        r.site,
        r.requests,
        r.page_views,
        v.visitors,
        v.distinct_client_ips,
        coalesce(s.sessions, 0) AS sessions,
        coalesce(s.bounced_sessions, 0) AS bounced_sessions,
        r.response_bytes,
        r.bot_requests,
        r.client_error_requests,
        r.server_error_requests,
        p.p50_ms,
        p.p95_ms,
        p.p99_ms,
        r.dt
    FROM requests r
    JOIN visitors v ON v.dt = r.dt AND v.site = r.site
    LEFT JOIN percentiles p ON p.dt = r.dt AND p.site = r.site
    LEFT JOIN sessions s ON s.dt = r.dt AND s.site = r.site
)
SELECT * FROM final
