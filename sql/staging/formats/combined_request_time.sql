-- @format     combined_request_time
-- @description nginx's combined log format followed by $request_time (the request's time in seconds, with
--             milliseconds), a common nginx log_format:
--             $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
--             "$http_user_agent" $request_time
-- @site       the source's (ingest --site; default when it has none)
-- @grain      one row per raw line of the sources declared combined_request_time, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. The response time is stored in microseconds,
-- as for every format: 0.123 s is 123000. The time is required: a line without it is not a line of this
-- format (a source that logs no time is declared 'combined').
SELECT
    arrival_dt,
    source_object,
    line,
    'combined_request_time' AS log_format,
    f[1] <> '' AS matched,
    site,
    f[1] AS client_ip,
    NULLIF(f[2], '-') AS remote_user,
    try(parse_datetime(f[3], 'dd/MMM/yyyy:HH:mm:ss Z')) AS event_time_zoned,
    upper(f[4]) AS method,
    f[5] AS target,
    f[6] AS protocol,
    try_cast(f[7] AS integer) AS status,
    IF(f[8] = '-', 0, try_cast(f[8] AS bigint)) AS response_bytes,
    NULLIF(NULLIF(f[9], '-'), '') AS referrer,
    NULLIF(f[10], '') AS user_agent,
    CAST(try_cast(NULLIF(f[11], '') AS decimal(15, 3)) * 1000000 AS bigint) AS response_micros
FROM (
    SELECT
        arrival_dt,
        source_object,
        line,
        site,
        split(
            regexp_replace(
                line,
                '^(?:(?<ip>[^\s\x1f]+) [^\s\x1f]+ (?<user>[^\s\x1f]+) \[(?<ts>[^\]\x1f]+)\] "(?<method>[A-Za-z]{1,20}) (?<target>[^\s"\x1f]+) (?<protocol>HTTP/[0-9.]{1,4})" (?<status>[0-9]{3}) (?<bytes>[0-9]{1,18}|-) "(?<referer>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)" "(?<agent>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)" (?<seconds>[0-9]{1,12}\.[0-9]{3})|(?<unparsed>.*))$',
                '${ip}' || chr(31) || '${user}' || chr(31) || '${ts}' || chr(31) || '${method}' || chr(31)
                    || '${target}' || chr(31) || '${protocol}' || chr(31) || '${status}' || chr(31) || '${bytes}'
                    || chr(31) || '${referer}' || chr(31) || '${agent}' || chr(31) || '${seconds}' || chr(31)
                    || '${unparsed}'),
            chr(31)) AS f
    FROM raw_lines
    WHERE log_format = 'combined_request_time'
)
