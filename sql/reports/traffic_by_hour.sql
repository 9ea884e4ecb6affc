-- @query      traffic_by_hour
-- @grain      one row per hour (UTC) with traffic in the period's complete days: the day report's traffic
--             chart, and the hours the incident rule looks at (for every period).
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date, to_date (the period's days)
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
)
SELECT h.dt, h.hour, h.requests, h.page_views, h.server_error_requests, h.client_error_requests, h.p95_ms
FROM {{catalog}}.{{marts_schema}}.hourly_traffic h
JOIN complete_days c ON c.dt = h.dt
WHERE h.dt BETWEEN {{from_date}} AND {{to_date}}
ORDER BY h.dt, h.hour
