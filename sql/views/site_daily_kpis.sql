-- @view       {{reports_schema}}.site_daily_kpis
-- @description The headline KPIs of each site on each complete day. A site's visitors and percentiles are its own:
--             they do not add up over sites (a visitor of two sites counts in both); daily_kpis has all sites'.
-- @grain      one row per complete event day (UTC) and site.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column site: The site
-- @column requests: Valid requests
-- @column visitors: Distinct visitors (client IP, user agent) of the site
-- @column sessions: Sessions of people (bots excluded)
-- @column page_views: Page views: successful GETs of pages by people
-- @column bounce_rate: Share of sessions with at most one page view (0-1)
-- @column response_bytes: Bytes served
-- @column client_error_rate: Share of requests answered 4xx (0-1)
-- @column server_error_rate: Share of requests answered 5xx (0-1)
-- @column p50_ms: Median response time, ms (nearest rank, less than 1% below the true value)
-- @column p95_ms: 95th percentile response time, ms (as p50_ms)
-- @column p99_ms: 99th percentile response time, ms (as p50_ms)
-- @column bot_share: Share of requests made by bots (0-1)
-- @column distinct_client_ips: Distinct client IP addresses of the site
SELECT
    t.dt,
    t.site,
    t.requests,
    t.visitors,
    t.sessions,
    t.page_views,
    CAST(t.bounced_sessions AS double) / nullif(t.sessions, 0) AS bounce_rate,
    t.response_bytes,
    CAST(t.client_error_requests AS double) / t.requests AS client_error_rate,
    CAST(t.server_error_requests AS double) / t.requests AS server_error_rate,
    t.p50_ms,
    t.p95_ms,
    t.p99_ms,
    CAST(t.bot_requests AS double) / t.requests AS bot_share,
    t.distinct_client_ips
FROM {{catalog}}.{{marts_schema}}.daily_traffic t
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = t.dt
