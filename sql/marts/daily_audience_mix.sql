-- @table      {{marts_schema}}.daily_audience_mix
-- @description Who visits: requests and visitors per browser, operating system, device class and country, per
--             day.
-- @grain      one row per day, site, dimension ('browser', 'os', 'device', 'country') and value.
-- @partitioned_by dt
-- @test       accepted_values: dimension = 'browser', 'os', 'device', 'country'
-- @test       unique: site, dimension, value
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site visited
-- @column dimension: What value describes: browser, os, device or country
-- @column value: The browser family, OS family, device class or country code
-- @column requests: Requests with this value
-- @column visitors: Distinct visitors (client IP, user agent) with this value
-- @column dt: UTC date; the partition
-- Visitors first: a visitor (client IP and user agent) has one browser, OS, device class and country, so the
-- day's requests shrink to one row per visitor before the four dimensions are unnested. Unnesting every request
-- made the job four times slower, most of it in counting distinct visitors over four copies of each request.
WITH visitors AS (
    SELECT
        dt,
        site,
        client_ip,
        coalesce(user_agent, '') AS user_agent,
        browser_family,
        os_family,
        device_class,
        country,
        count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, site, client_ip, coalesce(user_agent, ''), browser_family, os_family, device_class, country
),
by_dimension AS (
    SELECT dt, site, dimension, value, client_ip, user_agent, requests
    FROM visitors
    CROSS JOIN UNNEST(
        ARRAY['browser', 'os', 'device', 'country'],
        ARRAY[browser_family, os_family, device_class, country]) AS t (dimension, value)
)
SELECT
    site,
    dimension,
    value,
    sum(requests) AS requests,
    -- Distinct still: were a visitor ever to have two values of a dimension, it would count once in each.
    count(DISTINCT ROW(client_ip, user_agent)) AS visitors,
    dt
FROM by_dimension
GROUP BY dt, site, dimension, value
