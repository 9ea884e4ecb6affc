-- @table      {{marts_schema}}.sessions
-- @description Visits: a visitor's requests (same client IP and user agent) with gaps under 30 minutes, cut
--             at midnight UTC.
-- @grain      one row per session: a visitor's requests to one site (visitor = client IP + user agent) with gaps under
--             30 minutes. Sessions are cut at midnight UTC, as in most web analytics, so that a day's
--             sessions depend on that day alone.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column session_id: Stable id of the session (hash of day, site, client IP, user agent and session number)
-- @column site: The site visited: a session is within one site
-- @column client_ip: Client IP address of the visitor
-- @column user_agent: User agent of the visitor; NULL when the requests had none
-- @column is_bot: True when the visitor is a bot (its user agent says so)
-- @column started_at: First request of the session, UTC
-- @column ended_at: Last request of the session, UTC
-- @column duration_seconds: Seconds between the first and the last request (0 for a single request)
-- @column requests: Requests in the session
-- @column page_views: Page views in the session (see marts.fact_requests.is_page_view)
-- @column entry_page: Path of the first page view; NULL without page views
-- @column exit_page: Path of the last page view; NULL without page views
-- @column is_bounce: True when the session has at most one page view
-- @column response_bytes: Bytes sent to the visitor in the session
-- @column dt: UTC date of the session; the partition
WITH requests AS (
    SELECT
        dt,
        site,
        client_ip,
        coalesce(user_agent, '') AS user_agent,
        is_bot,
        event_time,
        path,
        is_page_view,
        response_bytes,
        lag(event_time) OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time) AS previous_time
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
),
numbered AS (
    SELECT
        *,
        -- RANGE, not ROWS: requests of the same second (the log's precision) are peers and share a session
        -- number whatever order they sort in. With ROWS, a peer sorted before the one lag() saw first started
        -- a session of its own, and a rerun could split a session differently.
        sum(IF(previous_time IS NULL OR event_time - previous_time >= INTERVAL '30' MINUTE, 1, 0))
            OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time RANGE UNBOUNDED PRECEDING)
            AS session_number
    FROM requests
),
final AS (
    SELECT
        to_hex(xxhash64(to_utf8(concat(CAST(dt AS varchar), '|', site, '|', client_ip, '|', user_agent, '|',
            CAST(session_number AS varchar))))) AS session_id,
        site,
        client_ip,
        nullif(user_agent, '') AS user_agent,
        bool_or(is_bot) AS is_bot,
        min(event_time) AS started_at,
        max(event_time) AS ended_at,
        date_diff('second', min(event_time), max(event_time)) AS duration_seconds,
        count(*) AS requests,
        count_if(is_page_view) AS page_views,
        -- Ordered by time, then path: two page views of the same second give the same page on every run.
        min_by(path, IF(is_page_view, ROW(event_time, path))) AS entry_page,
        max_by(path, IF(is_page_view, ROW(event_time, path))) AS exit_page,
        count_if(is_page_view) <= 1 AS is_bounce,
        sum(response_bytes) AS response_bytes,
        dt
    FROM numbered
    GROUP BY dt, site, client_ip, user_agent, session_number
)
SELECT * FROM final
