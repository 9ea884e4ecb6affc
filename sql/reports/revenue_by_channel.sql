-- @query      revenue_by_channel
-- @grain      one row per channel with visits in the period's complete days (direct, organic_search, paid,
--             referral, social: the rule of marts/conversions.sql), most revenue first (ties by channel).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             site (text: one site, or NULL for all sites)
--
-- Sums of the conversions mart over its campaigns and days; the report computes each channel's conversion rate
-- and share of revenue from them.
SELECT
    c.channel,
    sum(c.sessions) AS sessions,
    sum(c.converting_sessions) AS converting_sessions,
    sum(c.orders) AS orders,
    sum(c.revenue_cents) AS revenue_cents
FROM {{catalog}}.{{marts_schema}}.conversions c
WHERE c.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR c.site = {{site}})
GROUP BY c.channel
ORDER BY revenue_cents DESC, c.channel
