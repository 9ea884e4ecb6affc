-- @query      lake_sites
-- @grain      one row per site the lake holds figures of (any day): what a report on an unknown site names.
-- @parameters catalog, marts_schema (identifiers)
SELECT DISTINCT t.site
FROM {{catalog}}.{{marts_schema}}.daily_traffic t
ORDER BY t.site
