-- @view       {{reports_schema}}.traffic_by_hour
-- @description Traffic, errors and response time per site and hour of each complete day, for traffic charts.
-- @grain      one row per site and hour (UTC) with traffic, of a complete day.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column site: The site of the requests
-- @column hour: Hour of the day in UTC, 0-23
-- @column hour_start: Start of the hour, UTC timestamp (for a time axis)
-- @column requests: Requests in the hour
-- @column page_views: Page views in the hour
-- @column client_error_requests: Requests answered 4xx
-- @column server_error_requests: Requests answered 5xx
-- @column server_error_rate: Share of the hour's requests answered 5xx (0-1)
-- @column p95_ms: 95th percentile response time, ms (approximate)
SELECT
    h.dt,
    h.site,
    h.hour,
    CAST(h.dt AS timestamp(3)) + INTERVAL '1' HOUR * h.hour AS hour_start,
    h.requests,
    h.page_views,
    h.client_error_requests,
    h.server_error_requests,
    CAST(h.server_error_requests AS double) / h.requests AS server_error_rate,
    h.p95_ms
FROM {{catalog}}.{{marts_schema}}.hourly_traffic h
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = h.dt
