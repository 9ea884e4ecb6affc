-- @format     common
-- @description The NCSA/Apache common log format (Apache's default, 'common' in httpd.conf):
--             %h %l %u %t "%r" %>s %b
-- @site       the source's (ingest --site; default when it has none)
-- @grain      one row per raw line of the sources declared common, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. A common line has no referrer, user agent or
-- response time: they are NULL (so its requests are in the browser family 'Unknown' and never bots). A line
-- with more fields after the bytes (a combined line) is not a common line: a source's format is declared, not
-- guessed, and a combined source is declared 'combined'.
SELECT
    arrival_dt,
    source_object,
    line,
    'common' AS log_format,
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
    CAST(NULL AS varchar) AS referrer,
    CAST(NULL AS varchar) AS user_agent,
    CAST(NULL AS bigint) AS response_micros
FROM (
    SELECT
        arrival_dt,
        source_object,
        line,
        site,
        split(
            regexp_replace(
                line,
                '^(?:(?<ip>[^\s\x1f]+) [^\s\x1f]+ (?<user>[^\s\x1f]+) \[(?<ts>[^\]\x1f]+)\] "(?<method>[A-Za-z]{1,20}) (?<target>[^\s"\x1f]+) (?<protocol>HTTP/[0-9.]{1,4})" (?<status>[0-9]{3}) (?<bytes>[0-9]{1,18}|-)|(?<unparsed>.*))$',
                '${ip}' || chr(31) || '${user}' || chr(31) || '${ts}' || chr(31) || '${method}' || chr(31)
                    || '${target}' || chr(31) || '${protocol}' || chr(31) || '${status}' || chr(31) || '${bytes}'
                    || chr(31) || '${unparsed}'),
            chr(31)) AS f
    FROM raw_lines
    WHERE log_format = 'common'
)
