-- @table      {{marts_schema}}.hourly_response_times
-- @description The distribution of each hour's response times per site, as daily_response_times has it per
--             day: the report's hourly p95 (the traffic chart and the latency incidents) of one site or of all
--             sites together is read from it.
-- @grain      one row per day, site, hour (UTC) and response-time bucket (requests with a logged response time
--             only).
-- @partitioned_by dt
-- @test       not_null: site, hour, response_micros, requests
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site of the requests
-- @column hour: Hour of the day in UTC, 0-23
-- @column response_micros: Lower bound of the bucket: the response time in microseconds floored to three
--                         significant digits (1,234,567 -> 1,230,000)
-- @column requests: Requests of the hour whose response time falls in the bucket
-- @column dt: UTC date; the partition
--
-- An hour's p95 over several sites is no function of the sites' p95s (neither their maximum nor their mean), and
-- hourly_traffic's approx_percentile digests are not stored: the buckets add up over sites exactly, as the daily
-- ones add up over days (see daily_response_times.sql for the floor and the nearest rank).
WITH bucketed AS (
    SELECT
        dt,
        site,
        hour(event_time) AS hour,
        response_micros
            - response_micros % CAST(power(10, greatest(length(CAST(response_micros AS varchar)) - 3, 0)) AS bigint)
            AS response_micros
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
        AND response_micros IS NOT NULL
)
SELECT site, hour, response_micros, count(*) AS requests, dt
FROM bucketed
GROUP BY dt, site, hour, response_micros
