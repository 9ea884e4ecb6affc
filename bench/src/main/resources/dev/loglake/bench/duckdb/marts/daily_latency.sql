-- Port of sql/marts/daily_latency.sql. The percentiles are approximate on both sides (Trino's and DuckDB's
-- t-digests differ), so they are computed but not compared.
-- @figure requests: sum(requests)
-- @figure path_groups: count(DISTINCT path_group)
SELECT
    site,
    path_group,
    count(*) AS requests,
    CAST(approx_quantile(response_micros / 1e3, 0.50) AS real) AS p50_ms,
    CAST(approx_quantile(response_micros / 1e3, 0.95) AS real) AS p95_ms,
    CAST(approx_quantile(response_micros / 1e3, 0.99) AS real) AS p99_ms,
    dt
FROM fact_requests
GROUP BY dt, site, path_group
