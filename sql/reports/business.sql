-- @query      business
-- @grain      one row per period ('current', 'previous') with visits in its complete days, its channel NULL: the
--             period's visits, converting visits, orders and revenue from the conversions mart (the traffic joined
--             with the shop's orders); then one row per period and channel (direct, organic_search, paid, referral,
--             social: the rule of marts/conversions.sql), most revenue first (ties by channel).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the complete days of both periods);
--             current_from (date: the first day of the current period; the days before it are the previous one);
--             site (text: one site, or NULL for all sites)
--
-- Every figure is additive over days, campaigns, channels and sites: a visit is cut at midnight UTC and belongs to
-- one site, and an order to the one visit whose confirmation page names it. So one scan gives the totals and the
-- channels (GROUPING SETS), and the report computes the conversion rate and the average order value from these
-- sums, never as averages of daily rates. A channel is never NULL in the mart (its not_null test).
WITH visits AS (
    SELECT
        IF(c.dt >= {{current_from}}, 'current', 'previous') AS period,
        c.channel,
        c.sessions,
        c.converting_sessions,
        c.orders,
        c.revenue_cents
    FROM {{catalog}}.{{marts_schema}}.conversions c
    WHERE c.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR c.site = {{site}})
)
SELECT
    period,
    channel,
    sum(sessions) AS sessions,
    sum(converting_sessions) AS converting_sessions,
    sum(orders) AS orders,
    sum(revenue_cents) AS revenue_cents
FROM visits
GROUP BY GROUPING SETS ((period), (period, channel))
ORDER BY period, channel IS NOT NULL, revenue_cents DESC, channel
