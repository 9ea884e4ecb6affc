-- @table      {{marts_schema}}.daily_top_paths
-- @description The 100 most requested paths of each day, ranked per day.
-- @grain      one row per day and path, for the day's 100 most requested paths (rank 1 = most requested;
--             ties broken by path, ascending). Ranked per day with a window, never a global LIMIT.
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column path_rank: Rank within the day: 1 = most requested; ties broken by path, ascending
-- @column path: Requested path, without the query string
-- @column requests: Requests of the path on that day
-- @column dt: UTC date; the partition
WITH counts AS (
    SELECT dt, path, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, path
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY dt ORDER BY requests DESC, path ASC) AS path_rank
    FROM counts
)
SELECT path_rank, path, requests, dt
FROM ranked
WHERE path_rank <= 100
