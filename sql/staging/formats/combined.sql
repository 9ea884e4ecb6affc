-- @format     combined
-- @description Apache's and nginx's combined log format, optionally followed by Apache's %D (the response time
--             in microseconds), as the generator writes it:
--             %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i" [%D]
-- @site       the source's (ingest --site; default when it has none)
-- @grain      one row per raw line of the sources declared combined, whether or not it has the format's shape
--
-- A format file is one SELECT over raw_lines (arrival_dt, source_object, line, site: the lines of the arrival
-- days, all formats) that keeps the lines of its own format and returns the columns every format returns, in
-- this order (staging/parsed_lines.sql types, checks and derives the rest once for all formats): arrival_dt,
-- source_object, line, log_format, matched (the line has the format's shape), site, client_ip, remote_user,
-- event_time_zoned (timestamp with time zone), method, target, protocol, status, response_bytes, referrer,
-- user_agent, response_micros.
--
-- The whole line is parsed by one regular expression, evaluated once: regexp_replace rewrites a line that
-- matches into its fields joined by 0x1f (a byte no field may contain), and a line that does not match
-- into empty fields and the line itself. One regexp_extract per field would run the expression 11 times.
-- The rule is the generator's (CombinedLineParser.VALID_LINE), made as tolerant as real-log parsers:
-- escaped quotes inside quoted fields (written as "unrolled loops", runs of plain characters between escapes: an
-- alternation per character made the parse in Joni, Trino's backtracking engine, about 15% slower), and the
-- response time may be missing (Apache and nginx do not log it by default). The referrer and user agent are
-- required: a line cut after its byte count is not a combined line (declare a common-format source 'common').
SELECT
    arrival_dt,
    source_object,
    line,
    'combined' AS log_format,
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
    try_cast(NULLIF(f[11], '') AS bigint) AS response_micros
FROM (
    SELECT
        arrival_dt,
        source_object,
        line,
        site,
        split(
            regexp_replace(
                line,
                '^(?:(?<ip>[^\s\x1f]+) [^\s\x1f]+ (?<user>[^\s\x1f]+) \[(?<ts>[^\]\x1f]+)\] "(?<method>[A-Za-z]{1,20}) (?<target>[^\s"\x1f]+) (?<protocol>HTTP/[0-9.]{1,4})" (?<status>[0-9]{3}) (?<bytes>[0-9]{1,18}|-) "(?<referer>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)" "(?<agent>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)"(?: (?<micros>[0-9]{1,18}))?|(?<unparsed>.*))$',
                '${ip}' || chr(31) || '${user}' || chr(31) || '${ts}' || chr(31) || '${method}' || chr(31)
                    || '${target}' || chr(31) || '${protocol}' || chr(31) || '${status}' || chr(31) || '${bytes}'
                    || chr(31) || '${referer}' || chr(31) || '${agent}' || chr(31) || '${micros}' || chr(31)
                    || '${unparsed}'),
            chr(31)) AS f
    FROM raw_lines
    WHERE log_format = 'combined'
)
