-- @view       {{reports_schema}}.top_paths
-- @description The most requested paths of each complete day and site, ranked per day and site (up to 100).
-- @grain      one row per complete day, site and ranked path.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column site: The site of the path
-- @column path_rank: Rank within the day: 1 = most requested; ties broken by path
-- @column path: Requested path, without the query string
-- @column requests: Requests of the path that day
-- @column share_of_requests: The path's share of the site's requests that day (0-1)
SELECT
    p.dt,
    p.site,
    p.path_rank,
    p.path,
    p.requests,
    CAST(p.requests AS double) / t.requests AS share_of_requests
FROM {{catalog}}.{{marts_schema}}.daily_paths p
JOIN {{catalog}}.{{marts_schema}}.daily_traffic t ON t.dt = p.dt AND t.site = p.site
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = p.dt
WHERE p.path_rank <= 100
