-- The DuckDB ETL's fact Parquet files (DuckDbEtl) as the table the ports of the marts read, under the lake's name.
-- The site is a constant: the bench copies the objects of one source, the default site's (RawCopy), and DuckDbEtl
-- writes no site column.
CREATE TEMP VIEW fact_requests AS
SELECT *, {{site}} AS site
FROM read_parquet({{fact_files}}, hive_partitioning = true)
