-- @view       {{reports_schema}}.daily_kpis
-- @description The headline KPIs of each day over all sites, with whether the day is complete. A day that is
--             not complete is listed with its status and no figures, so that a partial day never passes for a real
--             one. site_daily_kpis has each site's.
-- @grain      one row per event day (UTC) the transforms have worked on.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column day_status: complete, partial, loading or failed (see day_status); figures are NULL unless complete
-- @column is_complete: True when the day is complete and its figures are final
-- @column requests: Valid requests
-- @column visitors: Distinct visitors (client IP, user agent) over all sites: one visiting two sites counts once
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
-- @column distinct_client_ips: Distinct client IP addresses
-- @column bot_requests: Requests made by bots
-- @column client_error_requests: Requests answered 4xx
-- @column server_error_requests: Requests answered 5xx
SELECT
    d.dt,
    d.status AS day_status,
    d.is_complete,
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
    t.distinct_client_ips,
    t.bot_requests,
    t.client_error_requests,
    t.server_error_requests
FROM {{catalog}}.{{reports_schema}}.day_status d
LEFT JOIN (
    -- Figures of complete days only (served_days.sql), over all sites. The sums add up over the sites' rows of
    -- daily_traffic; visitors and percentiles do not, and come from daily_visitors and daily_response_times.
    SELECT
        a.*,
        v.visitors,
        v.distinct_client_ips,
        p.p50_ms,
        p.p95_ms,
        p.p99_ms
    FROM (
        SELECT
            t.dt,
            sum(t.requests) AS requests,
            sum(t.sessions) AS sessions,
            sum(t.bounced_sessions) AS bounced_sessions,
            sum(t.page_views) AS page_views,
            sum(t.response_bytes) AS response_bytes,
            sum(t.bot_requests) AS bot_requests,
            sum(t.client_error_requests) AS client_error_requests,
            sum(t.server_error_requests) AS server_error_requests
        FROM {{catalog}}.{{marts_schema}}.daily_traffic t
        JOIN {{catalog}}.{{reports_schema}}.served_days s ON s.dt = t.dt
        GROUP BY t.dt
    ) a
    JOIN (
        SELECT
            v.dt,
            count(DISTINCT ROW(v.client_ip, v.user_agent)) AS visitors,
            count(DISTINCT v.client_ip) AS distinct_client_ips
        FROM {{catalog}}.{{marts_schema}}.daily_visitors v
        JOIN {{catalog}}.{{reports_schema}}.served_days s ON s.dt = v.dt
        GROUP BY v.dt
    ) v ON v.dt = a.dt
    LEFT JOIN (
        -- Nearest rank over the sites' merged buckets, as reports/kpis.sql.
        SELECT
            dt,
            CAST(min(response_micros) FILTER (WHERE 100 * running >= 50 * timed) / 1e3 AS real) AS p50_ms,
            CAST(min(response_micros) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS real) AS p95_ms,
            CAST(min(response_micros) FILTER (WHERE 100 * running >= 99 * timed) / 1e3 AS real) AS p99_ms
        FROM (
            SELECT
                dt,
                response_micros,
                sum(requests) OVER (PARTITION BY dt ORDER BY response_micros ROWS UNBOUNDED PRECEDING) AS running,
                sum(requests) OVER (PARTITION BY dt) AS timed
            FROM (
                SELECT r.dt, r.response_micros, sum(r.requests) AS requests
                FROM {{catalog}}.{{marts_schema}}.daily_response_times r
                JOIN {{catalog}}.{{reports_schema}}.served_days s ON s.dt = r.dt
                GROUP BY r.dt, r.response_micros
            )
        )
        GROUP BY dt
    ) p ON p.dt = a.dt
) t ON t.dt = d.dt
