-- @query      kpis
-- @grain      one row per period ('current', 'previous'): the headline figures over the period's complete days.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the complete days of both periods);
--             current_from (date: the first day of the current period; the days before it are the previous one);
--             site (text: one site, or NULL for all sites)
--
-- Sums (requests, page views, sessions, bounces, bytes, bots, errors) are additive over days and come from
-- daily_traffic. Distinct visitors and client IPs are not: a visitor of two days counts once in the week; they
-- are counted from daily_visitors (one row per visitor and day). Percentiles are not additive either; the
-- buckets of daily_response_times are: they are summed over the period's days and read at the nearest rank,
-- exactly as daily_traffic reads one day. Sessions are cut at midnight UTC, so they add up over days. Nothing
-- here reads fact_requests: a week's headline costs a few thousand rows a day, not every request. The same holds
-- over sites: all sites' visitors are distinct over the sites' rows and their percentiles come from the sites'
-- merged buckets, never a sum of visitors or a maximum of p95s.
-- The complete days are read from the ledger once per report (period_days.sql) and given to every query, so
-- that all the figures of a report cover the same days, and Trino prunes partitions to exactly those days.
WITH additive AS (
    SELECT
        IF(t.dt >= {{current_from}}, 'current', 'previous') AS period,
        count(*) AS days_with_traffic,
        sum(t.requests) AS requests,
        sum(t.page_views) AS page_views,
        sum(t.sessions) AS sessions,
        sum(t.bounced_sessions) AS bounced_sessions,
        sum(t.response_bytes) AS response_bytes,
        sum(t.bot_requests) AS bot_requests,
        sum(t.client_error_requests) AS client_error_requests,
        sum(t.server_error_requests) AS server_error_requests
    FROM {{catalog}}.{{marts_schema}}.daily_traffic t
    WHERE t.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR t.site = {{site}})
    GROUP BY 1
),
audience AS (
    SELECT
        IF(v.dt >= {{current_from}}, 'current', 'previous') AS period,
        count(DISTINCT ROW(v.client_ip, v.user_agent)) AS visitors,
        count(DISTINCT v.client_ip) AS distinct_client_ips
    FROM {{catalog}}.{{marts_schema}}.daily_visitors v
    WHERE v.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR v.site = {{site}})
    GROUP BY 1
),
period_times AS (
    SELECT
        IF(r.dt >= {{current_from}}, 'current', 'previous') AS period,
        r.response_micros,
        sum(r.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_response_times r
    WHERE r.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR r.site = {{site}})
    GROUP BY 1, r.response_micros
),
running_times AS (
    SELECT
        period,
        response_micros,
        sum(requests) OVER (PARTITION BY period ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY period) AS timed
    FROM period_times
),
percentiles AS (
    -- Nearest rank: the smallest bucket whose running count reaches the share, in integers. Divided by 1e3, a
    -- double: "/ 1000.0" is a decimal division, which keeps one decimal digit (2329 / 1000.0 = 2.3).
    SELECT
        period,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 50 * timed) / 1e3 AS real) AS p50_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 99 * timed) / 1e3 AS real) AS p99_ms
    FROM running_times
    GROUP BY period
),
final AS (
    SELECT
        a.period,
        a.requests,
        v.visitors,
        v.distinct_client_ips,
        a.sessions,
        a.bounced_sessions,
        a.page_views,
        a.response_bytes,
        a.client_error_requests,
        a.server_error_requests,
        a.bot_requests,
        p.p50_ms,
        p.p95_ms,
        p.p99_ms
    FROM additive a
    JOIN audience v ON v.period = a.period
    LEFT JOIN percentiles p ON p.period = a.period
)
SELECT * FROM final
