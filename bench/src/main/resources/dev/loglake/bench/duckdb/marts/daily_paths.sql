-- Port of sql/marts/daily_paths.sql: every path, ranked per day; ties by path (byte order in both engines).
-- @figure requests: sum(requests)
-- @figure rank_weighted: sum(path_rank * requests)
SELECT site, path_rank, path, requests, dt
FROM (
    SELECT *, row_number() OVER (PARTITION BY dt, site ORDER BY requests DESC, path ASC) AS path_rank
    FROM (SELECT dt, site, path, count(*) AS requests FROM fact_requests GROUP BY dt, site, path)
)
