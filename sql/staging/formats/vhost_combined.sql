-- @format     vhost_combined
-- @description Apache's vhost_combined log format: the virtual host and port, then the combined format:
--             %v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i"
-- @site       the virtual host (%v) of each line, in lower case; the port is not kept
-- @grain      one row per raw line of the sources declared vhost_combined, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. The virtual host is the text before the last
-- ':' of the first field, so an IPv6 literal (logged when a request names no host) is kept whole.
SELECT
    arrival_dt,
    source_object,
    line,
    'vhost_combined' AS log_format,
    f[1] <> '' AS matched,
    lower(f[1]) AS site,
    f[2] AS client_ip,
    NULLIF(f[3], '-') AS remote_user,
    try(parse_datetime(f[4], 'dd/MMM/yyyy:HH:mm:ss Z')) AS event_time_zoned,
    upper(f[5]) AS method,
    f[6] AS target,
    f[7] AS protocol,
    try_cast(f[8] AS integer) AS status,
    IF(f[9] = '-', 0, try_cast(f[9] AS bigint)) AS response_bytes,
    NULLIF(NULLIF(f[10], '-'), '') AS referrer,
    NULLIF(f[11], '') AS user_agent,
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
                '^(?:(?<vhost>[^\s\x1f]+):(?<port>[0-9]{1,5}) (?<ip>[^\s\x1f]+) [^\s\x1f]+ (?<user>[^\s\x1f]+) \[(?<ts>[^\]\x1f]+)\] "(?<method>[A-Za-z]{1,20}) (?<target>[^\s"\x1f]+) (?<protocol>HTTP/[0-9.]{1,4})" (?<status>[0-9]{3}) (?<bytes>[0-9]{1,18}|-) "(?<referer>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)" "(?<agent>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)"|(?<unparsed>.*))$',
                '${vhost}' || chr(31) || '${ip}' || chr(31) || '${user}' || chr(31) || '${ts}' || chr(31) || '${method}' || chr(31)
                    || '${target}' || chr(31) || '${protocol}' || chr(31) || '${status}' || chr(31) || '${bytes}'
                    || chr(31) || '${referer}' || chr(31) || '${agent}' || chr(31)
                    || '${unparsed}'),
            chr(31)) AS f
    FROM raw_lines
    WHERE log_format = 'vhost_combined'
)
