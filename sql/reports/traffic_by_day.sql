-- @query      traffic_by_day
-- @grain      one row per complete day of the period: the week and month reports' traffic chart.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days)
SELECT t.dt, t.requests, t.page_views, t.visitors, t.server_error_requests, t.client_error_requests, t.p95_ms
FROM {{catalog}}.{{marts_schema}}.daily_traffic t
WHERE t.dt IN ({{complete_days}})
ORDER BY t.dt
