-- @view       {{reports_schema}}.top_paths
-- @description The most requested paths of each complete day, ranked per day (up to 100 a day).
-- @grain      one row per complete day and ranked path.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column path_rank: Rank within the day: 1 = most requested; ties broken by path
-- @column path: Requested path, without the query string
-- @column requests: Requests of the path that day
-- @column share_of_requests: The path's share of the day's requests (0-1)
SELECT
    p.dt,
    p.path_rank,
    p.path,
    p.requests,
    CAST(p.requests AS double) / t.requests AS share_of_requests
FROM {{catalog}}.{{marts_schema}}.daily_paths p
JOIN {{catalog}}.{{marts_schema}}.daily_traffic t ON t.dt = p.dt
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = p.dt
WHERE p.path_rank <= 100
