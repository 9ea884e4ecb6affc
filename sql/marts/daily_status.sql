-- @table      {{marts_schema}}.daily_status
-- @description Requests per HTTP status code and day.
-- @grain      one row per day, site and HTTP status code.
-- @partitioned_by dt
-- @test       unique: site, status
-- @test       accepted_values: status_class = '1xx', '2xx', '3xx', '4xx', '5xx'
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site that answered
-- @column status: HTTP status code
-- @column status_class: Status class: 1xx, 2xx, 3xx, 4xx or 5xx
-- @column requests: Requests answered with this status
-- @column dt: UTC date; the partition
SELECT
    site,
    status,
    CAST(status / 100 AS varchar) || 'xx' AS status_class,
    count(*) AS requests,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, site, status
