-- @view       {{reports_schema}}.top_referrers
-- @description The referring hosts that sent the most requests to each site on each complete day, ranked per
--             day and site (up to 50; requests without a referrer are not ranked).
-- @grain      one row per complete day, site and ranked referring host.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column site: The site referred to
-- @column referrer_rank: Rank within the day: 1 = most requests; ties broken by host
-- @column referrer_host: Host name of the referring page
-- @column requests: Requests referred by the host that day
-- @column share_of_requests: The host's share of the site's requests that day (0-1)
SELECT
    r.dt,
    r.site,
    r.referrer_rank,
    r.referrer_host,
    r.requests,
    CAST(r.requests AS double) / t.requests AS share_of_requests
FROM {{catalog}}.{{marts_schema}}.daily_referrers r
JOIN {{catalog}}.{{marts_schema}}.daily_traffic t ON t.dt = r.dt AND t.site = r.site
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = r.dt
WHERE r.referrer_rank <= 50
