-- @table      {{marts_schema}}.daily_response_times
-- @description The distribution of each day's response times: how many requests took each time, with the
--             time floored to three significant digits. Percentiles of a day, a week or any set of days are
--             read from it, and add up exactly over days.
-- @grain      one row per day, site and response-time bucket (requests with a logged response time only).
-- @partitioned_by dt
-- @parameters catalog, marts_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site of the requests
-- @column response_micros: Lower bound of the bucket: the response time in microseconds floored to three
--                         significant digits (1,234,567 -> 1,230,000)
-- @column requests: Requests of the day whose response time falls in the bucket
-- @column dt: UTC date; the partition
--
-- Why buckets and not approx_percentile: a t-digest depends on the order in which Trino's splits merge, so the
-- same week gave a different p50 on every run, and digests of days cannot be added exactly. Three significant
-- digits keep a few thousand rows a day and put every percentile less than 1% below the true value. The
-- percentile read from this table is the nearest rank: the smallest bucket whose running count reaches the
-- share (see daily_traffic.sql and reports/kpis.sql). Integer arithmetic only, so DuckDB gets the same buckets.
WITH bucketed AS (
    SELECT
        dt,
        site,
        -- Floors to three significant digits: 1234567 % 10^(7 - 3) = 4567, and 1234567 - 4567 = 1230000.
        response_micros
            - response_micros % CAST(power(10, greatest(length(CAST(response_micros AS varchar)) - 3, 0)) AS bigint)
            AS response_micros
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
        AND response_micros IS NOT NULL
)
SELECT site, response_micros, count(*) AS requests, dt
FROM bucketed
GROUP BY dt, site, response_micros
