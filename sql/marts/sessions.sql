-- @table      {{marts_schema}}.sessions
-- @grain      one row per session: a visitor's requests (visitor = client IP + user agent) with gaps under
--             30 minutes. Sessions are cut at midnight UTC, as in most web analytics, so that a day's
--             sessions depend on that day alone.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
WITH requests AS (
    SELECT
        dt,
        client_ip,
        coalesce(user_agent, '') AS user_agent,
        is_bot,
        event_time,
        path,
        is_page_view,
        response_bytes,
        lag(event_time) OVER (PARTITION BY dt, client_ip, user_agent ORDER BY event_time, path) AS previous_time
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
),
numbered AS (
    SELECT
        *,
        sum(IF(previous_time IS NULL OR event_time - previous_time >= INTERVAL '30' MINUTE, 1, 0))
            OVER (PARTITION BY dt, client_ip, user_agent ORDER BY event_time, path ROWS UNBOUNDED PRECEDING)
            AS session_number
    FROM requests
),
final AS (
    SELECT
        to_hex(xxhash64(to_utf8(concat(CAST(dt AS varchar), '|', client_ip, '|', user_agent, '|',
            CAST(session_number AS varchar))))) AS session_id,
        client_ip,
        nullif(user_agent, '') AS user_agent,
        bool_or(is_bot) AS is_bot,
        min(event_time) AS started_at,
        max(event_time) AS ended_at,
        date_diff('second', min(event_time), max(event_time)) AS duration_seconds,
        count(*) AS requests,
        count_if(is_page_view) AS page_views,
        min_by(path, IF(is_page_view, to_unixtime(event_time), NULL)) AS entry_page,
        max_by(path, IF(is_page_view, to_unixtime(event_time), NULL)) AS exit_page,
        count_if(is_page_view) <= 1 AS is_bounce,
        sum(response_bytes) AS response_bytes,
        dt
    FROM numbered
    GROUP BY dt, client_ip, user_agent, session_number
)
SELECT * FROM final
