-- Table:      {{raw_schema}}.access_log_lines (external, over the raw bucket; never written by loglake)
-- Grain:      one row per line of the raw combined-format access logs, exactly as written, unparsed.
-- Partitions: dt (arrival date, 'YYYY-MM-DD', UTC) and hour ('00'..'23'): the folders that
--             'loglake generate' and 'loglake ingest' write under access/combined/.
-- Parameters: catalog, raw_schema (identifiers); raw_location (string: s3://<raw bucket>/access/combined/).
--
-- The REGEX format with '(?s)(.*)' keeps every byte of a line in one column. The TEXTFILE format would
-- cut each line at its first 0x01 byte (Hive's default field separator) and silently drop the rest.
CREATE TABLE IF NOT EXISTS {{catalog}}.{{raw_schema}}.access_log_lines (
    line varchar COMMENT 'The raw log line as written, without its line break',
    dt varchar COMMENT 'Arrival date (UTC) of the object that holds the line',
    hour varchar COMMENT 'Arrival hour (00-23, UTC) of the object that holds the line'
)
COMMENT 'Raw access-log lines, one row per line, partitioned by arrival date and hour'
WITH (
    external_location = {{raw_location}},
    format = 'REGEX',
    regex = '(?s)(.*)',
    partitioned_by = ARRAY['dt', 'hour']
)
