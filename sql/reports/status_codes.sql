-- @query      status_codes
-- @grain      one row per HTTP status code served in the period's complete days.
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date, to_date (the period's days)
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
)
SELECT s.status, sum(s.requests) AS requests
FROM {{catalog}}.{{marts_schema}}.daily_status s
JOIN complete_days c ON c.dt = s.dt
WHERE s.dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY s.status
ORDER BY s.status
