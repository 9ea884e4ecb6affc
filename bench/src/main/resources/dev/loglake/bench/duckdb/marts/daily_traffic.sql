-- Port of sql/marts/daily_traffic.sql: from the ports of daily_visitors, daily_response_times and sessions, as the
-- lake's reads the lake's. The percentiles are the nearest rank over the buckets, exact on both sides, so they are
-- compared too (in microseconds: p50_ms * 1000 of a bucket is a whole number). DuckDB's count_if and sums of
-- integers are HUGEINTs, which Parquet stores as doubles: every port casts them to bigint, the lake's type.
-- @figure requests: sum(requests)
-- @figure page_views: sum(page_views)
-- @figure visitors: sum(visitors)
-- @figure distinct_client_ips: sum(distinct_client_ips)
-- @figure sessions: sum(sessions)
-- @figure bounced_sessions: sum(bounced_sessions)
-- @figure response_bytes: sum(response_bytes)
-- @figure bot_requests: sum(bot_requests)
-- @figure client_error_requests: sum(client_error_requests)
-- @figure server_error_requests: sum(server_error_requests)
-- @figure p50_micros: sum(CAST(round(p50_ms * 1000) AS bigint))
-- @figure p95_micros: sum(CAST(round(p95_ms * 1000) AS bigint))
-- @figure p99_micros: sum(CAST(round(p99_ms * 1000) AS bigint))
WITH requests AS (
    SELECT dt, site, count(*) AS requests, CAST(count_if(is_page_view) AS bigint) AS page_views,
        CAST(sum(response_bytes) AS bigint) AS response_bytes, CAST(count_if(is_bot) AS bigint) AS bot_requests,
        CAST(count_if(status BETWEEN 400 AND 499) AS bigint) AS client_error_requests,
        CAST(count_if(status BETWEEN 500 AND 599) AS bigint) AS server_error_requests
    FROM fact_requests
    GROUP BY dt, site
),
visitors AS (
    SELECT dt, site, count(*) AS visitors, count(DISTINCT client_ip) AS distinct_client_ips
    FROM daily_visitors
    GROUP BY dt, site
),
running_times AS (
    SELECT dt, site, response_micros,
        sum(requests) OVER (PARTITION BY dt, site ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
        sum(requests) OVER (PARTITION BY dt, site) AS timed
    FROM daily_response_times
),
percentiles AS (
    SELECT dt, site,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 50 * timed) / 1e3 AS real) AS p50_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms,
        CAST(min(response_micros) FILTER (WHERE 100 * running >= 99 * timed) / 1e3 AS real) AS p99_ms
    FROM running_times
    GROUP BY dt, site
),
session_counts AS (
    SELECT dt, site, CAST(count_if(NOT is_bot) AS bigint) AS sessions,
        CAST(count_if(NOT is_bot AND is_bounce) AS bigint) AS bounced_sessions
    FROM sessions
    GROUP BY dt, site
)
SELECT
    r.site, r.requests, r.page_views, v.visitors, v.distinct_client_ips,
    coalesce(s.sessions, 0) AS sessions, coalesce(s.bounced_sessions, 0) AS bounced_sessions,
    r.response_bytes, r.bot_requests, r.client_error_requests, r.server_error_requests,
    p.p50_ms, p.p95_ms, p.p99_ms, r.dt
FROM requests r
JOIN visitors v ON v.dt = r.dt AND v.site = r.site
LEFT JOIN percentiles p ON p.dt = r.dt AND p.site = r.site
LEFT JOIN session_counts s ON s.dt = r.dt AND s.site = r.site
