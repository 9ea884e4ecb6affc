-- @format     parquet
-- @description The generator's Parquet raw logs (loglake generate --format parquet: parquet-avro, the schema of
--             generator/src/main/resources/dev/loglake/generator/access_log.avsc), one record per request.
-- @raw_table  log_records
-- @site       the source's (its site= folder; default when it has none)
-- @grain      one row per record of the Parquet objects, whether or not it has every required field
--
-- The columns every format returns are listed in combined.sql. A typed format reads raw_records (the rows of
-- raw.log_records of the arrival days, see staging/parsed_lines.sql), not raw_lines: its fields need no regular
-- expression, and the checks of parsed_lines (time, address, status range, lateness) apply as to any line.
-- A record lacking a required field (time, client_ip, method, target, protocol, status, bytes: an object of
-- another schema reads NULL there) is not a parquet line. Its line, for the quarantine and the line checks, is
-- the record rendered as one JSON object with the schema's field names, its time in ISO 8601 UTC.
SELECT
    arrival_dt,
    source_object,
    json_format(CAST(CAST(ROW(
            to_iso8601(with_timezone("time", 'UTC')), client_ip, "user", method, target, protocol, status, bytes,
            referer, user_agent, response_time_us)
        AS ROW(
            "time" varchar, client_ip varchar, "user" varchar, method varchar, target varchar, protocol varchar,
            status integer, bytes bigint, referer varchar, user_agent varchar, response_time_us bigint))
        AS json)) AS line,
    'parquet' AS log_format,
    "time" IS NOT NULL AND client_ip IS NOT NULL AND method IS NOT NULL AND target IS NOT NULL
        AND protocol IS NOT NULL AND status IS NOT NULL AND bytes IS NOT NULL AS matched,
    site,
    client_ip,
    NULLIF(NULLIF("user", '-'), '') AS remote_user,
    with_timezone("time", 'UTC') AS event_time_zoned,
    upper(method) AS method,
    target,
    protocol,
    status,
    bytes AS response_bytes,
    NULLIF(NULLIF(referer, '-'), '') AS referrer,
    NULLIF(user_agent, '') AS user_agent,
    response_time_us AS response_micros
FROM raw_records
