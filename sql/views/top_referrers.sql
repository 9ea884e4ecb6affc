-- @view       {{reports_schema}}.top_referrers
-- @description The referring hosts that sent the most requests on each complete day, ranked per day (up to
--             50 a day; requests without a referrer are not ranked).
-- @grain      one row per complete day and ranked referring host.
-- @parameters catalog, marts_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column referrer_rank: Rank within the day: 1 = most requests; ties broken by host
-- @column referrer_host: Host name of the referring page
-- @column requests: Requests referred by the host that day
-- @column share_of_requests: The host's share of the day's requests (0-1)
SELECT
    r.dt,
    r.referrer_rank,
    r.referrer_host,
    r.requests,
    CAST(r.requests AS double) / t.requests AS share_of_requests
FROM {{catalog}}.{{marts_schema}}.daily_referrers r
JOIN {{catalog}}.{{marts_schema}}.daily_traffic t ON t.dt = r.dt
JOIN {{catalog}}.{{reports_schema}}.served_days d ON d.dt = r.dt
WHERE r.referrer_rank <= 50
