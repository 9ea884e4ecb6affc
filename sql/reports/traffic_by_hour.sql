-- @query      traffic_by_hour
-- @grain      one row per hour (UTC) with traffic in the period's complete days: the day report's traffic
--             chart, and the hours the incident rule looks at (for every period).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days)
SELECT h.dt, h.hour, h.requests, h.page_views, h.server_error_requests, h.client_error_requests, h.p95_ms
FROM {{catalog}}.{{marts_schema}}.hourly_traffic h
WHERE h.dt IN ({{complete_days}})
ORDER BY h.dt, h.hour
