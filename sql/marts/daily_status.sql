-- @table      {{marts_schema}}.daily_status
-- @grain      one row per day and HTTP status code.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
SELECT
    status,
    CAST(status / 100 AS varchar) || 'xx' AS status_class,
    count(*) AS requests,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, status
