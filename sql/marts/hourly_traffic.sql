-- @table      {{marts_schema}}.hourly_traffic
-- @grain      one row per hour (UTC) with traffic: requests, errors and latency, for the traffic chart and
--             the incident rule of the report.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
SELECT
    hour(event_time) AS hour,
    count(*) AS requests,
    count_if(is_page_view) AS page_views,
    count_if(status BETWEEN 500 AND 599) AS server_error_requests,
    count_if(status BETWEEN 400 AND 499) AS client_error_requests,
    approx_percentile(response_micros / 1000.0, 0.95) AS p95_ms,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, hour(event_time)
