-- Port of sql/marts/daily_status.sql. DuckDB's "/" divides as doubles: "//" is Trino's integer division.
-- @figure requests: sum(requests)
-- @figure status_weighted: sum(status * requests)
-- @figure server_error_requests: sum(CASE WHEN status_class = '5xx' THEN requests ELSE 0 END)
-- @figure client_error_requests: sum(CASE WHEN status_class = '4xx' THEN requests ELSE 0 END)
SELECT
    site,
    status,
    CAST(status // 100 AS varchar) || 'xx' AS status_class,
    count(*) AS requests,
    dt
FROM fact_requests
GROUP BY dt, site, status
