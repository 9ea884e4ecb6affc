-- @view       {{reports_schema}}.audience_mix
-- @description Who visits on each complete day: requests and visitors by browser, operating system, device
--             class and country, with each value's share of the day.
-- @grain      one row per complete day, site, dimension (browser, os, device, country) and value.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column site: The site visited
-- @column dimension: browser, os, device or country
-- @column value: The browser family, OS family, device class or country code
-- @column requests: Requests with this value
-- @column visitors: Distinct visitors (client IP, user agent) with this value
-- @column share_of_requests: The value's share of the site's requests that day (0-1)
-- @column share_of_visitors: The value's share of the site's visitors that day (0-1)
SELECT
    m.dt,
    m.site,
    m.dimension,
    m.value,
    m.requests,
    m.visitors,
    CAST(m.requests AS double) / t.requests AS share_of_requests,
    CAST(m.visitors AS double) / t.visitors AS share_of_visitors
FROM {{catalog}}.{{marts_schema}}.daily_audience_mix m
JOIN {{catalog}}.{{marts_schema}}.daily_traffic t ON t.dt = m.dt AND t.site = m.site
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = m.dt
