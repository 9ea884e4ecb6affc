-- Port of sql/marts/daily_referrers.sql.
-- @figure requests: sum(requests)
-- @figure rank_weighted: sum(referrer_rank * requests)
SELECT site, referrer_rank, referrer_host, requests, dt
FROM (
    SELECT *, row_number() OVER (PARTITION BY dt, site ORDER BY requests DESC, referrer_host ASC) AS referrer_rank
    FROM (
        SELECT dt, site, referrer_host, count(*) AS requests
        FROM fact_requests
        WHERE referrer_host IS NOT NULL
        GROUP BY dt, site, referrer_host
    )
)
