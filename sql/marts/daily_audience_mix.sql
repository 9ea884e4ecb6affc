-- @table      {{marts_schema}}.daily_audience_mix
-- @description Who visits: requests and visitors per browser, operating system, device class and country, per
--             day.
-- @grain      one row per day, dimension ('browser', 'os', 'device', 'country') and value.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column dimension: What value describes: browser, os, device or country
-- @column value: The browser family, OS family, device class or country code
-- @column requests: Requests with this value
-- @column visitors: Distinct visitors (client IP, user agent) with this value
-- @column dt: UTC date; the partition
WITH requests AS (
    SELECT dt, client_ip, coalesce(user_agent, '') AS user_agent, browser_family, os_family, device_class, country
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
),
by_dimension AS (
    SELECT dt, dimension, value, client_ip, user_agent
    FROM requests
    CROSS JOIN UNNEST(
        ARRAY['browser', 'os', 'device', 'country'],
        ARRAY[browser_family, os_family, device_class, country]) AS t (dimension, value)
)
SELECT
    dimension,
    value,
    count(*) AS requests,
    count(DISTINCT ROW(client_ip, user_agent)) AS visitors,
    dt
FROM by_dimension
GROUP BY dt, dimension, value
