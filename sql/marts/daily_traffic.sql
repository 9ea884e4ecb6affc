-- @table      {{marts_schema}}.daily_traffic
-- @grain      one row per day: the headline figures of the executive summary.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
WITH requests AS (
    SELECT
        dt,
        count(*) AS requests,
        count_if(is_page_view) AS page_views,
        count(DISTINCT ROW(client_ip, coalesce(user_agent, ''))) AS visitors,
        count(DISTINCT client_ip) AS distinct_client_ips,
        sum(response_bytes) AS response_bytes,
        count_if(is_bot) AS bot_requests,
        count_if(status BETWEEN 400 AND 499) AS client_error_requests,
        count_if(status BETWEEN 500 AND 599) AS server_error_requests,
        approx_percentile(response_micros / 1000.0, 0.50) AS p50_ms,
        approx_percentile(response_micros / 1000.0, 0.95) AS p95_ms,
        approx_percentile(response_micros / 1000.0, 0.99) AS p99_ms
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
),
sessions AS (
    SELECT
        dt,
        count_if(NOT is_bot) AS sessions,
        count_if(NOT is_bot AND is_bounce) AS bounced_sessions
    FROM {{catalog}}.{{marts_schema}}.sessions
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
),
final AS (
    SELECT
        r.requests,
        r.page_views,
        r.visitors,
        r.distinct_client_ips,
        coalesce(s.sessions, 0) AS sessions,
        coalesce(s.bounced_sessions, 0) AS bounced_sessions,
        r.response_bytes,
        r.bot_requests,
        r.client_error_requests,
        r.server_error_requests,
        r.p50_ms,
        r.p95_ms,
        r.p99_ms,
        r.dt
    FROM requests r
    LEFT JOIN sessions s ON s.dt = r.dt
)
SELECT * FROM final
