-- @query      top_pages
-- @grain      one row per path, for the period's top_n most requested paths (rank 1 = most requests; ties
--             broken by path, ascending).
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date, to_date (the period's days);
--             top_n (integer)
--
-- Ranked over the whole period with a window function, from fact_requests: adding up the daily top-100
-- lists would miss a path that is 101st every day but first over the week.
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
),
counts AS (
    SELECT f.path, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests f
    JOIN complete_days c ON c.dt = f.dt
    WHERE f.dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY f.path
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY requests DESC, path ASC) AS path_rank
    FROM counts
)
SELECT path_rank, path, requests
FROM ranked
WHERE path_rank <= {{top_n}}
ORDER BY path_rank
