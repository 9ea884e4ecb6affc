-- Table:      {{raw_schema}}.log_lines (external, over the raw bucket; never written by loglake)
-- Grain:      one row per line of the raw access logs of every declared format, exactly as written, unparsed.
-- Partitions: log_format (the format the source declared: the folder under access/), site (the source's
--             name: its site=NAME folder, 'default' for a source written without one), dt (arrival date,
--             'YYYY-MM-DD', UTC) and hour ('00'..'23'): the folders that 'loglake generate' and 'loglake
--             ingest' write, access/<format>/[site=<name>/]dt=D/hour=H/. The transforms register each
--             partition with its folder, so the format folder needs no 'log_format=' in its name. A source
--             read in place ('loglake source add') has partitions at its own day folders, hour 'all' for a
--             whole day folder ('all-<account>-<region>' for an ALB's): see sql/README.md.
-- Parameters: catalog, raw_schema (identifiers); raw_location (string: s3://<raw bucket>/access/).
--
-- The format is a partition, never guessed from a line: each format's staging file (staging/formats/) reads
-- the partitions of its own format only. The REGEX format with '(?s)(.*)' keeps every byte of a line in one
-- column. The TEXTFILE format would cut each line at its first 0x01 byte (Hive's default field separator) and
-- silently drop the rest.
-- (raw.access_log_lines, the table of earlier versions over access/combined/ only, is no longer read.)
CREATE TABLE IF NOT EXISTS {{catalog}}.{{raw_schema}}.log_lines (
    line varchar COMMENT 'The raw log line as written, without its line break',
    log_format varchar COMMENT 'The format its source declared (combined, common, ...): the folder under access/',
    site varchar COMMENT 'The source''s name (its site= folder), or default',
    dt varchar COMMENT 'Arrival date (UTC) of the object that holds the line',
    hour varchar COMMENT 'Arrival hour (00-23, UTC) of the object that holds the line; all for a whole day folder read in place'
)
COMMENT 'Raw access-log lines of every declared format, one row per line, partitioned by format, site, arrival date and hour'
WITH (
    external_location = {{raw_location}},
    format = 'REGEX',
    regex = '(?s)(.*)',
    partitioned_by = ARRAY['log_format', 'site', 'dt', 'hour']
)
