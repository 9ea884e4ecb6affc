-- Table:      {{raw_schema}}.log_records (external, over the raw bucket; never written by loglake)
-- Grain:      one row per record of the Parquet raw logs (loglake generate --format parquet), exactly as written.
-- Partitions: site (the source's name: its site=NAME folder, 'default' without one), dt (arrival date,
--             'YYYY-MM-DD', UTC) and hour ('00'..'23'): the folders access/parquet/[site=<name>/]dt=D/hour=H/. The
--             transforms register each partition with its folder, as for log_lines. No log_format column: the
--             table holds one format, parquet (staging/formats/parquet.sql reads it).
-- Parameters: catalog, raw_schema (identifiers); raw_location (string: s3://<raw bucket>/access/).
--
-- Typed records cannot be lines of the REGEX table log_lines: Parquet is a binary format with a schema
-- (generator/src/main/resources/dev/loglake/generator/access_log.avsc), read here by column name. A column
-- missing from an object reads as NULL, so a record of another schema is quarantined, not guessed.
-- time is Avro's timestamp-millis (Parquet INT64, TIMESTAMP(MILLIS, isAdjustedToUTC=true)): Trino reads it as
-- the UTC time it holds, to the millisecond (TestGeneratedFormatsAgainstManifest compares it with the objects).
CREATE TABLE IF NOT EXISTS {{catalog}}.{{raw_schema}}.log_records (
    "time" timestamp(3) COMMENT 'When the request was logged, UTC',
    client_ip varchar COMMENT 'Client address, IPv4 or IPv6, as logged',
    "user" varchar COMMENT 'HTTP-authenticated user; NULL when none',
    method varchar COMMENT 'HTTP method',
    target varchar COMMENT 'Request target: path and query',
    protocol varchar COMMENT 'HTTP protocol version, such as HTTP/1.1',
    status integer COMMENT 'HTTP status code',
    bytes bigint COMMENT 'Response body bytes',
    referer varchar COMMENT 'Referer header; NULL when none',
    user_agent varchar COMMENT 'User-Agent header',
    response_time_us bigint COMMENT 'Time to serve the request, microseconds',
    site varchar COMMENT 'The source''s name (its site= folder), or default',
    dt varchar COMMENT 'Arrival date (UTC) of the object that holds the record',
    hour varchar COMMENT 'Arrival hour (00-23, UTC) of the object that holds the record'
)
COMMENT 'Raw access-log records of the Parquet format, one row per record, partitioned by site, arrival date and hour'
WITH (
    external_location = {{raw_location}} || 'parquet/',
    format = 'PARQUET',
    partitioned_by = ARRAY['site', 'dt', 'hour']
)
