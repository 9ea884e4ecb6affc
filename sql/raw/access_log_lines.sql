-- Table:      {{raw_schema}}.access_log_lines (external, over the raw bucket; never written by loglake)
-- Grain:      one row per line of the raw combined-format access logs, exactly as written, unparsed.
-- Partitions: dt (arrival date, 'YYYY-MM-DD', UTC) and hour ('00'..'23'): the folders that
--             'loglake generate' and 'loglake ingest' write under access/combined/.
-- Parameters: catalog, raw_schema (identifiers); raw_location (string: s3://<raw bucket>/access/combined/).
--
-- Partition projection: Trino computes the partitions of a query from its dt filter (every hour folder of
-- the days asked for) instead of asking the metastore, so a new day or hour that lands in S3 is readable at
-- once and nothing registers partitions (that was 24 statements a day, and minutes for a long backfill).
-- The price: a query must filter on dt, or Trino enumerates every day of the range; loglake's always does.
--
-- The REGEX format with '(?s)(.*)' keeps every byte of a line in one column. The TEXTFILE format would
-- cut each line at its first 0x01 byte (Hive's default field separator) and silently drop the rest.
CREATE TABLE IF NOT EXISTS {{catalog}}.{{raw_schema}}.access_log_lines (
    line varchar COMMENT 'The raw log line as written, without its line break',
    dt varchar COMMENT 'Arrival date (UTC) of the object that holds the line' WITH (
        partition_projection_type = 'DATE',
        partition_projection_format = 'yyyy-MM-dd',
        partition_projection_range = ARRAY['2000-01-01', '2099-12-31'],
        partition_projection_interval = 1,
        partition_projection_interval_unit = 'DAYS'
    ),
    hour varchar COMMENT 'Arrival hour (00-23, UTC) of the object that holds the line' WITH (
        partition_projection_type = 'INTEGER',
        partition_projection_range = ARRAY['0', '23'],
        partition_projection_digits = 2
    )
)
COMMENT 'Raw access-log lines, one row per line, partitioned by arrival date and hour'
WITH (
    external_location = {{raw_location}},
    format = 'REGEX',
    regex = '(?s)(.*)',
    partitioned_by = ARRAY['dt', 'hour'],
    partition_projection_enabled = true
)
