-- @query      business_kpis
-- @grain      one row per period ('current', 'previous') with visits in its complete days: the visits, converting
--             visits, orders and revenue of the conversions mart (the shop's orders joined with the traffic).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the complete days of both periods);
--             current_from (date: the first day of the current period; the days before it are the previous one);
--             site (text: one site, or NULL for all sites)
--
-- Every figure is additive over days, channels and sites: a visit is cut at midnight UTC and belongs to one
-- site, and an order to the one visit whose confirmation page names it. The conversion rate and the average order
-- value are ratios of these sums, computed by the report, never averages of daily rates.
SELECT
    IF(c.dt >= {{current_from}}, 'current', 'previous') AS period,
    sum(c.sessions) AS sessions,
    sum(c.converting_sessions) AS converting_sessions,
    sum(c.orders) AS orders,
    sum(c.revenue_cents) AS revenue_cents
FROM {{catalog}}.{{marts_schema}}.conversions c
WHERE c.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR c.site = {{site}})
GROUP BY 1
