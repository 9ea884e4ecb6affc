-- @query      audience_mix
-- @grain      one row per dimension ('browser', 'os', 'device', 'country') and value, for each dimension's
--             top_n values in the period by requests (rank per dimension; ties broken by value), with the
--             value's share of the dimension's requests.
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             top_n (integer); site (text: one site, or NULL for all sites)
--
-- Requests are additive over days, so the daily mix adds up to the period's. Ranked per dimension with a
-- window function over the whole period.
WITH counts AS (
    SELECT m.dimension, coalesce(m.value, 'unknown') AS value, sum(m.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_audience_mix m
    WHERE m.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR m.site = {{site}})
    GROUP BY m.dimension, coalesce(m.value, 'unknown')
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY dimension ORDER BY requests DESC, value ASC) AS value_rank,
        CAST(requests AS double) / sum(requests) OVER (PARTITION BY dimension) AS share
    FROM counts
)
SELECT dimension, value_rank, value, requests, share
FROM ranked
WHERE value_rank <= {{top_n}}
ORDER BY dimension, value_rank
