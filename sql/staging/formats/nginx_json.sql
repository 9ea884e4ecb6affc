-- @format     nginx_json
-- @description nginx's JSON access log (escape=json, nginx 1.11.8 or newer), one object per line. The keys are
--             nginx's variable names; their order does not matter and other keys are ignored:
--             log_format loglake_json escape=json '{"time_iso8601":"$time_iso8601","remote_addr":"$remote_addr",'
--                 '"remote_user":"$remote_user","request":"$request","status":"$status",'
--                 '"body_bytes_sent":"$body_bytes_sent","http_referer":"$http_referer",'
--                 '"http_user_agent":"$http_user_agent","request_time":"$request_time","host":"$host"}';
-- @site       the line's "host" in lower case when it has one, else the source's (ingest --site)
-- @grain      one row per raw line of the sources declared nginx_json, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. Required: remote_addr, request, status,
-- body_bytes_sent and a time, time_iso8601 (2026-11-01T10:15:32+01:00) or time_local (01/Nov/2026:10:15:32
-- +0100). Optional: remote_user, http_referer, http_user_agent, request_time (seconds with milliseconds, stored
-- in microseconds like every format's response time), host. Values may be JSON strings or numbers. A line that
-- is not one JSON object of scalar values, or lacks a required key, or whose request is not "METHOD TARGET
-- HTTP/x" (a TLS handshake sent to port 80), is not an nginx_json line.
SELECT
    arrival_dt,
    source_object,
    line,
    'nginx_json' AS log_format,
    m IS NOT NULL
        AND element_at(m, 'remote_addr') IS NOT NULL
        AND element_at(m, 'status') IS NOT NULL
        AND element_at(m, 'body_bytes_sent') IS NOT NULL
        AND request[1] <> ''
        AND coalesce(element_at(m, 'time_iso8601'), element_at(m, 'time_local')) IS NOT NULL AS matched,
    coalesce(lower(NULLIF(element_at(m, 'host'), '')), site) AS site,
    element_at(m, 'remote_addr') AS client_ip,
    NULLIF(NULLIF(element_at(m, 'remote_user'), '-'), '') AS remote_user,
    coalesce(
        try(from_iso8601_timestamp(element_at(m, 'time_iso8601'))),
        try(parse_datetime(element_at(m, 'time_local'), 'dd/MMM/yyyy:HH:mm:ss Z'))) AS event_time_zoned,
    upper(request[1]) AS method,
    request[2] AS target,
    request[3] AS protocol,
    try_cast(element_at(m, 'status') AS integer) AS status,
    IF(element_at(m, 'body_bytes_sent') = '-', 0, try_cast(element_at(m, 'body_bytes_sent') AS bigint)) AS response_bytes,
    NULLIF(NULLIF(element_at(m, 'http_referer'), '-'), '') AS referrer,
    NULLIF(element_at(m, 'http_user_agent'), '') AS user_agent,
    CAST(try_cast(NULLIF(element_at(m, 'request_time'), '') AS decimal(15, 3)) * 1000000 AS bigint) AS response_micros
FROM (
    SELECT
        *,
        -- One regular expression for the request, split into its three parts (empty when it does not match).
        split(
            regexp_replace(
                coalesce(element_at(m, 'request'), ''),
                '^(?:(?<method>[A-Za-z]{1,20}) (?<target>\S+) (?<protocol>HTTP/[0-9.]{1,4})|.*)$',
                '${method}' || chr(31) || '${target}' || chr(31) || '${protocol}'),
            chr(31)) AS request
    FROM (
        SELECT
            arrival_dt,
            source_object,
            line,
            site,
            -- NULL for anything but one JSON object of scalar values.
            try(CAST(json_parse(line) AS map(varchar, varchar))) AS m
        FROM raw_lines
        WHERE log_format = 'nginx_json'
    )
)
