-- @query      traffic_by_hour
-- @grain      one row per hour (UTC) with traffic in the period's complete days: the day report's traffic
--             chart, and the hours the incident rule looks at (for every period), of one site or of all sites.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             site (text: one site, or NULL for all sites)
--
-- Counts are summed over the sites of hourly_traffic; the p95 is read at the nearest rank from the merged buckets
-- of hourly_response_times, since an hour's p95 over sites is no function of the sites' p95s.
WITH additive AS (
    SELECT
        h.dt,
        h.hour,
        sum(h.requests) AS requests,
        sum(h.page_views) AS page_views,
        sum(h.server_error_requests) AS server_error_requests,
        sum(h.client_error_requests) AS client_error_requests
    FROM {{catalog}}.{{marts_schema}}.hourly_traffic h
    WHERE h.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR h.site = {{site}})
    GROUP BY h.dt, h.hour
),
hour_times AS (
    SELECT r.dt, r.hour, r.response_micros, sum(r.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.hourly_response_times r
    WHERE r.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR r.site = {{site}})
    GROUP BY r.dt, r.hour, r.response_micros
),
running_times AS (
    SELECT
        dt,
        hour,
        response_micros,
        sum(requests) OVER (PARTITION BY dt, hour ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY dt, hour) AS timed
    FROM hour_times
),
percentiles AS (
    SELECT dt, hour, CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms
    FROM running_times
    GROUP BY dt, hour
)
SELECT a.dt, a.hour, a.requests, a.page_views, a.server_error_requests, a.client_error_requests, p.p95_ms
FROM additive a
LEFT JOIN percentiles p ON p.dt = a.dt AND p.hour = a.hour
ORDER BY a.dt, a.hour
