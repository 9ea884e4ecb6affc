-- @query      sites
-- @grain      one row per site with requests in the period's complete days: the report's per-site breakdown
--             (requests, visitors, page views, 4xx and 5xx requests, p95), largest site first (ties by name).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             site (text: one site, or NULL for all sites)
--
-- Each site's figures over the period, computed as kpis.sql computes the whole: sums of daily_traffic, visitors
-- distinct over daily_visitors, the p95 from the summed buckets of daily_response_times. The sites' visitors do
-- not add up to all sites' (a visitor of two sites counts in both), nor do their p95s make all sites' p95.
WITH additive AS (
    SELECT
        t.site,
        sum(t.requests) AS requests,
        sum(t.page_views) AS page_views,
        sum(t.client_error_requests) AS client_error_requests,
        sum(t.server_error_requests) AS server_error_requests
    FROM {{catalog}}.{{marts_schema}}.daily_traffic t
    WHERE t.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR t.site = {{site}})
    GROUP BY t.site
),
audience AS (
    SELECT v.site, count(DISTINCT ROW(v.client_ip, v.user_agent)) AS visitors
    FROM {{catalog}}.{{marts_schema}}.daily_visitors v
    WHERE v.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR v.site = {{site}})
    GROUP BY v.site
),
site_times AS (
    SELECT r.site, r.response_micros, sum(r.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_response_times r
    WHERE r.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR r.site = {{site}})
    GROUP BY r.site, r.response_micros
),
running_times AS (
    SELECT
        site,
        response_micros,
        sum(requests) OVER (PARTITION BY site ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY site) AS timed
    FROM site_times
),
percentiles AS (
    SELECT site, CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms
    FROM running_times
    GROUP BY site
)
SELECT a.site, a.requests, v.visitors, a.page_views, a.client_error_requests, a.server_error_requests, p.p95_ms
FROM additive a
JOIN audience v ON v.site = a.site
LEFT JOIN percentiles p ON p.site = a.site
ORDER BY a.requests DESC, a.site
