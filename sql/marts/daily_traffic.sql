-- @table      {{marts_schema}}.daily_traffic
-- @description The headline figures of each day: traffic, audience, errors and response times.
-- @grain      one row per day: the headline figures of the executive summary.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
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
-- @column p50_ms: Median response time in milliseconds (approximate; requests without a logged time are left
--                out)
-- @column p95_ms: 95th percentile of the response time in milliseconds (approximate)
-- @column p99_ms: 99th percentile of the response time in milliseconds (approximate)
-- @column dt: UTC date; the partition
WITH requests AS (
    SELECT
        dt,
        count(*) AS requests,
        count_if(is_page_view) AS page_views,
        count(DISTINCT ROW(client_ip, coalesce(user_agent, ''))) AS visitors,
        count(DISTINCT client_ip) AS distinct_client_ips,
        sum(response_bytes) AS response_bytes,
        count_if(is_bot) AS bot_requests,
        count_if(status BETWEEN 400 AND 499) AS client_error_requests,
        count_if(status BETWEEN 500 AND 599) AS server_error_requests,
        approx_percentile(response_micros / 1000.0, 0.50) AS p50_ms,
        approx_percentile(response_micros / 1000.0, 0.95) AS p95_ms,
        approx_percentile(response_micros / 1000.0, 0.99) AS p99_ms
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
),
sessions AS (
    SELECT
        dt,
        count_if(NOT is_bot) AS sessions,
        count_if(NOT is_bot AND is_bounce) AS bounced_sessions
    FROM {{catalog}}.{{marts_schema}}.sessions
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
),
final AS (
    SELECT
        r.requests,
        r.page_views,
        r.visitors,
        r.distinct_client_ips,
        coalesce(s.sessions, 0) AS sessions,
        coalesce(s.bounced_sessions, 0) AS bounced_sessions,
        r.response_bytes,
        r.bot_requests,
        r.client_error_requests,
        r.server_error_requests,
        r.p50_ms,
        r.p95_ms,
        r.p99_ms,
        r.dt
    FROM requests r
    LEFT JOIN sessions s ON s.dt = r.dt
)
SELECT * FROM final
