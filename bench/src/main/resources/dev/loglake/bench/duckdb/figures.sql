-- The figures a mart is compared by, per day: its rows and the sums each port declares (@figure tags). The same
-- statement runs on Trino over the lake's table and on DuckDB over the port's Parquet files, so every expression
-- must mean the same in both dialects, and be a whole number (compared exactly).
SELECT CAST(dt AS varchar) AS dt, count(*) AS row_count, {{figures}}
FROM {{table}}
GROUP BY dt
