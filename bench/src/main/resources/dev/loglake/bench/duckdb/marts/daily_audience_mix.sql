-- Port of sql/marts/daily_audience_mix.sql: visitors first, then the four dimensions (two lists unnested side by
-- side, as Trino's UNNEST of two arrays).
-- @figure requests: sum(requests)
-- @figure visitors: sum(visitors)
-- @figure country_visitors: sum(CASE WHEN dimension = 'country' THEN visitors ELSE 0 END)
-- @figure bot_requests: sum(CASE WHEN dimension = 'device' AND value = 'bot' THEN requests ELSE 0 END)
WITH visitors AS (
    SELECT dt, site, client_ip, coalesce(user_agent, '') AS user_agent, browser_family, os_family, device_class,
        country, count(*) AS requests
    FROM fact_requests
    GROUP BY ALL
),
by_dimension AS (
    SELECT dt, site, client_ip, user_agent, requests,
        unnest(['browser', 'os', 'device', 'country']) AS dimension,
        unnest([browser_family, os_family, device_class, country]) AS value
    FROM visitors
)
SELECT site, dimension, value, CAST(sum(requests) AS bigint) AS requests,
    count(DISTINCT (client_ip, user_agent)) AS visitors, dt
FROM by_dimension
GROUP BY dt, site, dimension, value
