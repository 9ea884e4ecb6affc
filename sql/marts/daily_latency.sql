-- @table      {{marts_schema}}.daily_latency
-- @description Response-time percentiles per site section (path group) and day.
-- @grain      one row per day, site and path group (the first segment of the path, such as /products).
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site of the requests
-- @column path_group: First segment of the path, such as /products ('/' for the home page)
-- @column requests: Requests to the path group
-- @column p50_ms: Median response time in milliseconds (approximate)
-- @column p95_ms: 95th percentile of the response time in milliseconds (approximate)
-- @column p99_ms: 99th percentile of the response time in milliseconds (approximate)
-- @column dt: UTC date; the partition
--
-- Percentiles are approximate (Trino's approx_percentile, a t-digest); requests without a logged response
-- time are counted but not in the percentiles. Divided by 1e3, a double: "/ 1000.0" would be a decimal division
-- that keeps one decimal digit (0.25 ms would become 0.2 or 0.3).
SELECT
    site,
    path_group,
    count(*) AS requests,
    CAST(approx_percentile(response_micros / 1e3, 0.50) AS real) AS p50_ms,
    CAST(approx_percentile(response_micros / 1e3, 0.95) AS real) AS p95_ms,
    CAST(approx_percentile(response_micros / 1e3, 0.99) AS real) AS p99_ms,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, site, path_group
