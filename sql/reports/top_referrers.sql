-- @query      top_referrers
-- @grain      one row per referring host, for the period's top_n hosts (rank 1 = most requests; ties broken
--             by host). Requests without a referrer are not ranked.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             top_n (integer); site (text: one site, or NULL for all sites)
--
-- Ranked over the whole period with a window function, from the sums of daily_referrers (see top_pages.sql).
WITH counts AS (
    SELECT r.referrer_host, sum(r.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_referrers r
    WHERE r.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR r.site = {{site}})
    GROUP BY r.referrer_host
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY requests DESC, referrer_host ASC) AS referrer_rank
    FROM counts
)
SELECT referrer_rank, referrer_host, requests
FROM ranked
WHERE referrer_rank <= {{top_n}}
ORDER BY referrer_rank
