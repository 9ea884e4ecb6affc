-- Port of sql/marts/sessions.sql: the 30-minute rule within a day and site, requests of the same second as peers
-- (RANGE). DuckDB has no xxhash64, so session_id is DuckDB's own hash of the same fields: not compared.
-- @figure requests: sum(requests)
-- @figure page_views: sum(page_views)
-- @figure people: count(CASE WHEN NOT is_bot THEN 1 END)
-- @figure bounced_people: count(CASE WHEN NOT is_bot AND is_bounce THEN 1 END)
-- @figure duration_seconds: sum(duration_seconds)
-- @figure response_bytes: sum(response_bytes)
-- @figure with_entry_page: count(entry_page)
-- @figure entry_is_exit: count(CASE WHEN entry_page = exit_page THEN 1 END)
WITH requests AS (
    SELECT dt, site, client_ip, coalesce(user_agent, '') AS user_agent, is_bot, event_time, path, is_page_view,
        response_bytes,
        lag(event_time) OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time) AS previous_time
    FROM fact_requests
),
numbered AS (
    SELECT *,
        sum(CASE WHEN previous_time IS NULL OR event_time - previous_time >= INTERVAL 30 MINUTE THEN 1 ELSE 0 END)
            OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time RANGE UNBOUNDED PRECEDING)
            AS session_number
    FROM requests
)
SELECT
    lpad(to_hex(hash(concat(CAST(dt AS varchar), '|', site, '|', client_ip, '|', user_agent, '|',
        CAST(session_number AS varchar)))), 16, '0') AS session_id,
    site,
    client_ip,
    nullif(user_agent, '') AS user_agent,
    bool_or(is_bot) AS is_bot,
    min(event_time) AS started_at,
    max(event_time) AS ended_at,
    date_diff('second', min(event_time), max(event_time)) AS duration_seconds,
    count(*) AS requests,
    CAST(count_if(is_page_view) AS bigint) AS page_views,
    arg_min(path, CASE WHEN is_page_view THEN (event_time, path) END) AS entry_page,
    arg_max(path, CASE WHEN is_page_view THEN (event_time, path) END) AS exit_page,
    count_if(is_page_view) <= 1 AS is_bounce,
    CAST(sum(response_bytes) AS bigint) AS response_bytes,
    dt
FROM numbered
GROUP BY dt, site, client_ip, user_agent, session_number
