-- @query      status_codes
-- @grain      one row per HTTP status code served in the period's complete days.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days)
SELECT s.status, sum(s.requests) AS requests
FROM {{catalog}}.{{marts_schema}}.daily_status s
WHERE s.dt IN ({{complete_days}})
GROUP BY s.status
ORDER BY s.status
