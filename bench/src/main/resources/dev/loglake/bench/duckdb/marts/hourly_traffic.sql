-- Port of sql/marts/hourly_traffic.sql. p95_ms is approximate on both sides (Trino's and DuckDB's t-digests differ),
-- so it is computed but not compared.
-- @figure requests: sum(requests)
-- @figure hour_weighted: sum(hour * requests)
-- @figure page_views: sum(page_views)
-- @figure server_error_requests: sum(server_error_requests)
-- @figure client_error_requests: sum(client_error_requests)
SELECT
    site,
    hour(event_time) AS hour,
    count(*) AS requests,
    CAST(count_if(is_page_view) AS bigint) AS page_views,
    CAST(count_if(status BETWEEN 500 AND 599) AS bigint) AS server_error_requests,
    CAST(count_if(status BETWEEN 400 AND 499) AS bigint) AS client_error_requests,
    CAST(approx_quantile(response_micros / 1e3, 0.95) AS real) AS p95_ms,
    dt
FROM fact_requests
GROUP BY dt, site, hour(event_time)
