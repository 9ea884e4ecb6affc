-- @query      traffic_by_day
-- @grain      one row per complete day of the period: the week and month reports' traffic chart.
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date, to_date (the period's days)
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
)
SELECT t.dt, t.requests, t.page_views, t.visitors, t.server_error_requests, t.client_error_requests, t.p95_ms
FROM {{catalog}}.{{marts_schema}}.daily_traffic t
JOIN complete_days c ON c.dt = t.dt
WHERE t.dt BETWEEN {{from_date}} AND {{to_date}}
ORDER BY t.dt
