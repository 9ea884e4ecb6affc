-- @query      kpis
-- @grain      one row per period ('current', 'previous'): the headline figures over the period's complete days.
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date (first day of the previous
--             period), current_from (first day of the current period), to_date (last day of the current period)
--
-- The previous period ends the day before the current one starts, so one range covers both.
-- Sums (requests, page views, sessions, bounces, bytes, bots, errors) are additive over days and come from
-- daily_traffic. Distinct visitors and client IPs and the response-time percentiles are not: a visitor of
-- two days counts once in the week. They are computed from fact_requests over the period's days (the scan
-- is pruned to those dt partitions). Sessions are cut at midnight UTC, so they add up over days.
-- Percentiles are approximate (approx_percentile, a t-digest), as in the marts.
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
),
days AS (
    SELECT dt, IF(dt >= {{current_from}}, 'current', 'previous') AS period
    FROM complete_days
),
additive AS (
    SELECT
        d.period,
        count(*) AS days_with_traffic,
        sum(t.requests) AS requests,
        sum(t.page_views) AS page_views,
        sum(t.sessions) AS sessions,
        sum(t.bounced_sessions) AS bounced_sessions,
        sum(t.response_bytes) AS response_bytes,
        sum(t.bot_requests) AS bot_requests,
        sum(t.client_error_requests) AS client_error_requests,
        sum(t.server_error_requests) AS server_error_requests
    FROM {{catalog}}.{{marts_schema}}.daily_traffic t
    JOIN days d ON d.dt = t.dt
    WHERE t.dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY d.period
),
not_additive AS (
    SELECT
        d.period,
        count(DISTINCT ROW(f.client_ip, coalesce(f.user_agent, ''))) AS visitors,
        count(DISTINCT f.client_ip) AS distinct_client_ips,
        approx_percentile(f.response_micros / 1000.0, 0.50) AS p50_ms,
        approx_percentile(f.response_micros / 1000.0, 0.95) AS p95_ms,
        approx_percentile(f.response_micros / 1000.0, 0.99) AS p99_ms
    FROM {{catalog}}.{{marts_schema}}.fact_requests f
    JOIN days d ON d.dt = f.dt
    WHERE f.dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY d.period
),
final AS (
    SELECT
        a.period,
        a.requests,
        n.visitors,
        n.distinct_client_ips,
        a.sessions,
        a.bounced_sessions,
        a.page_views,
        a.response_bytes,
        a.client_error_requests,
        a.server_error_requests,
        a.bot_requests,
        n.p50_ms,
        n.p95_ms,
        n.p99_ms
    FROM additive a
    JOIN not_additive n ON n.period = a.period
)
SELECT * FROM final
