-- @table      {{marts_schema}}.daily_referrers
-- @description Every referring host of each day, with the requests it sent and its rank in the day.
-- @grain      one row per day, site and referring host (rank 1 = most requests; ties broken by host). Requests
--             without a referrer are not counted here.
-- @partitioned_by dt
-- @test       unique: site, referrer_host
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site referred to
-- @column referrer_rank: Rank within the day and site: 1 = most requests; ties broken by host
-- @column referrer_host: Host name of the referring page
-- @column requests: Requests with a referrer on this host on that day
-- @column dt: UTC date; the partition
--
-- Every host, not only the day's top 50, for the same reason as daily_paths.sql.
WITH counts AS (
    SELECT dt, site, referrer_host, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
        AND referrer_host IS NOT NULL
    GROUP BY dt, site, referrer_host
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY dt, site ORDER BY requests DESC, referrer_host ASC) AS referrer_rank
    FROM counts
)
SELECT site, referrer_rank, referrer_host, requests, dt
FROM ranked
