-- @table      {{marts_schema}}.daily_paths
-- @description Every path requested each day, with its requests and its rank in the day.
-- @grain      one row per day, site and requested path (rank 1 = most requested; ties broken by path, ascending).
--             Ranked per day with a window, never a global LIMIT.
-- @partitioned_by dt
-- @test       unique: site, path
-- @test       unique: site, path_rank
-- @test       not_null: path, requests
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site of the path
-- @column path_rank: Rank within the day and site: 1 = most requested; ties broken by path, ascending
-- @column path: Requested path, without the query string
-- @column requests: Requests of the path on that day
-- @column dt: UTC date; the partition
--
-- Every path, not only the day's top 100: the top pages of a week are ranked from the sums of its days, and a
-- path that is 101st every day can be first over the week. A day has a few thousand paths against tens of
-- thousands of requests, so the week's ranking reads this table instead of fact_requests.
WITH counts AS (
    SELECT dt, site, path, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt, site, path
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY dt, site ORDER BY requests DESC, path ASC) AS path_rank
    FROM counts
)
SELECT site, path_rank, path, requests, dt
FROM ranked
