-- @table      {{marts_schema}}.daily_visitors
-- @description Who came each day: every visitor (client IP and user agent) with their requests, so that
--             distinct visitors and client IPs over any set of days are counted without reading every request.
-- @grain      one row per day, site and visitor: a distinct (client IP, user agent) pair of that day on that site.
-- @partitioned_by dt
-- @test       unique: site, client_ip, user_agent
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site visited
-- @column client_ip: Client IP address (IPv4 or IPv6) as logged
-- @column user_agent: User-Agent header as logged; '' when the request had none
-- @column requests: Requests of the visitor that day
-- @column dt: UTC date; the partition
--
-- Distinct counts do not add up over days (a visitor of two days counts once in the week), so a week's count
-- needs the visitors themselves. A visitor makes tens of requests a day: this table is a small fraction of
-- fact_requests, and the week's headline reads it instead. Per site, since a visitor of two sites counts once in
-- each site's figure and once in the all-sites figure: the latter is a count(DISTINCT ...) over the sites' rows.
SELECT
    site,
    client_ip,
    coalesce(user_agent, '') AS user_agent,
    count(*) AS requests,
    dt
FROM {{catalog}}.{{marts_schema}}.fact_requests
WHERE dt BETWEEN {{from_date}} AND {{to_date}}
GROUP BY dt, site, client_ip, coalesce(user_agent, '')
