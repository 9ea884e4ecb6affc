-- @table      {{marts_schema}}.hourly_traffic
-- @description Traffic, errors and response time per hour (UTC), for the traffic chart and the incident rule.
-- @grain      one row per site and hour (UTC) with traffic: requests, errors and latency, for the traffic chart and
--             the incident rule of the report.
-- @partitioned_by dt
-- @test       unique: site, hour
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site of the requests
-- @column hour: Hour of the day in UTC, 0-23
-- @column requests: Requests in the hour
-- @column page_views: Page views in the hour
-- @column server_error_requests: Requests answered with a 5xx status
-- @column client_error_requests: Requests answered with a 4xx status
-- @column p95_ms: 95th percentile of the response time in milliseconds (approximate; the report reads
--                hourly_response_times, which adds up over sites)
-- @column dt: UTC date; the partition
SELECT
    site,
    hour(event_time) AS hour,
    count(*) AS requests,
    count_if(is_page_view) AS page_views,
    count_if(status BETWEEN 500 AND 599) AS server_error_requests,
    count_if(status BETWEEN 400 AND 499) AS client_error_requests,
    CAST(approx_percentile(response_micros / 1e3, 0.95) AS real) AS p95_ms,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, site, hour(event_time)
