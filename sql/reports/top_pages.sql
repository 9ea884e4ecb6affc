-- @query      top_pages
-- @grain      one row per path, for the period's top_n most requested paths (rank 1 = most requests; ties
--             broken by path, ascending).
-- @parameters catalog, marts_schema (identifiers); complete_days (dates: the period's complete days);
--             top_n (integer); site (text: one site, or NULL for all sites)
--
-- Ranked over the whole period with a window function, from the sums of daily_paths (every path of every
-- day): adding up the daily top-100 lists would miss a path that is 101st every day but first over the week.
WITH counts AS (
    SELECT p.path, sum(p.requests) AS requests
    FROM {{catalog}}.{{marts_schema}}.daily_paths p
    WHERE p.dt IN ({{complete_days}}) AND ({{site}} IS NULL OR p.site = {{site}})
    GROUP BY p.path
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY requests DESC, path ASC) AS path_rank
    FROM counts
)
SELECT path_rank, path, requests
FROM ranked
WHERE path_rank <= {{top_n}}
ORDER BY path_rank
