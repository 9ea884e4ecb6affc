-- @query      traffic_by_day
-- @grain      one row per complete day of the period: the week and month reports' traffic chart, of one site or
--             of all sites.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             site (text: one site, or NULL for all sites)
--
-- Sums come from daily_traffic (one row per day and site). Visitors and p95 do not add up over sites: they are
-- counted from daily_visitors and read from the merged buckets of daily_response_times, as kpis.sql does.
WITH additive AS (
    SELECT
        t.dt,
        sum(t.requests) AS requests,
        sum(t.page_views) AS page_views,
        sum(t.server_error_requests) AS server_error_requests,
        sum(t.client_error_requests) AS client_error_requests
    FROM {{catalog}}.{{marts_schema}}.daily_traffic t
    WHERE t.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR t.site = {{site}})
    GROUP BY t.dt
),
audience AS (
    SELECT v.dt, count(DISTINCT ROW(v.client_ip, v.user_agent)) AS visitors
    FROM {{catalog}}.{{marts_schema}}.daily_visitors v
    WHERE v.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR v.site = {{site}})
    GROUP BY v.dt
),
day_times AS (
    SELECT r.dt, r.response_micros, sum(r.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_response_times r
    WHERE r.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR r.site = {{site}})
    GROUP BY r.dt, r.response_micros
),
running_times AS (
    SELECT
        dt,
        response_micros,
        sum(requests) OVER (PARTITION BY dt ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY dt) AS timed
    FROM day_times
),
percentiles AS (
    -- Nearest rank, as kpis.sql.
    SELECT dt, CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms
    FROM running_times
    GROUP BY dt
)
SELECT a.dt, a.requests, a.page_views, v.visitors, a.server_error_requests, a.client_error_requests, p.p95_ms
FROM additive a
JOIN audience v ON v.dt = a.dt
LEFT JOIN percentiles p ON p.dt = a.dt
ORDER BY a.dt
