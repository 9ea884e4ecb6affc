-- @query      status_codes
-- @grain      one row per HTTP status code served in the period's complete days.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             site (text: one site, or NULL for all sites)
SELECT s.status, sum(s.requests) AS requests
FROM {{catalog}}.{{marts_schema}}.daily_status s
WHERE s.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR s.site = {{site}})
GROUP BY s.status
ORDER BY s.status
