-- @table      {{staging_schema}}.parsed_lines
-- @description Every raw line of the loaded arrival days, parsed into typed fields, or kept with the reason
--             it did not parse.
-- @grain      one row per raw line of the arrival days processed: its typed fields and derived columns
--             when it parses, the reason and the raw line when it does not (error IS NOT NULL).
-- @partitioned_by arrival_dt
-- @test       not_null: source_object
-- @parameters catalog, raw_schema, staging_schema (identifiers); formats (the SELECTs of staging/formats/);
--             raw_object_filter (the objects of flat sources read in place that belong to the days read);
--             from_date, to_date (arrival dates);
--             lateness_days (integer: how many days late an event may arrive and still be loaded)
-- @column source_object: S3 URI of the raw log object the line came from
-- @column site: The site the line belongs to: the source's name (default without one), or the line's own
--             host for the formats that log one (vhost_combined, alb, cloudfront, nginx_json)
-- @column error: Why the line did not parse (see staging.quarantine); NULL for a valid request
-- @column raw_line: The raw line as logged, kept only when it did not parse
-- @column client_ip: Client IP address (IPv4 or IPv6) as logged
-- @column remote_user: Authenticated user name from the log (%u), NULL when '-'
-- @column event_time: When the request happened, in UTC (the log's timestamp with its offset applied)
-- @column event_dt: UTC date of event_time: the day the request belongs to in the marts
-- @column method: HTTP method, upper case (GET, POST, ...)
-- @column path: Requested path, without the query string
-- @column query_string: Query string after '?', without the '?'; NULL when there is none
-- @column protocol: HTTP protocol version, such as HTTP/1.1
-- @column status: HTTP status code of the response (100-599)
-- @column response_bytes: Bytes sent in the response body; a logged '-' counts as 0
-- @column referrer: Referer header as logged; NULL when empty or '-'
-- @column referrer_host: Host name of the referrer URL; NULL without a referrer
-- @column user_agent: User-Agent header as logged; NULL when empty
-- @column response_micros: Response time in microseconds, when the log has it (nginx $request_time, Apache
--                         %D); else NULL
-- @column browser_family: Browser family from the user agent: Chrome, Firefox, Safari, Edge, Opera, Bot,
--                        Script, Other or Unknown
-- @column os_family: Operating system from the user agent: Windows, macOS, iOS, Android, Linux, ChromeOS,
--                   Other or Unknown
-- @column device_class: Device class from the user agent: desktop, mobile, tablet, bot or unknown
-- @column is_bot: True when the user agent contains bot, crawler, spider or slurp (ignoring case)
-- @column arrival_dt: UTC date of the raw folder (dt=...) the line arrived in; the partition
--
-- Each format's parse is a file of its own, staging/formats/<format>.sql: one SELECT over raw_lines that
-- reads the raw partitions of its format (declared by the source, never guessed from a line) and returns the
-- same columns (see staging/formats/combined.sql); a typed format (parquet) reads raw_records instead. The formats parameter is their UNION ALL; a lake that holds one format
-- reads and parses only its partitions, with the one regular expression per line of that format. The typing,
-- checks and derived columns below are shared by every format, so the marts do not change with the format.
-- The country is looked up when the fact table is built (marts/fact_requests.sql), from these staged rows:
-- a lookup here would make Trino evaluate the parse a second time for the join.
WITH raw_lines AS (
    SELECT
        CAST(dt AS date) AS arrival_dt,
        "$path" AS source_object,
        log_format,
        site,
        -- One trailing CR is removed, as ingest removes it (a log written with CRLF line ends): a CRLF line must
        -- parse the same whether it came through ingest or was put into the raw bucket by other means.
        IF(substr(line, -1) = chr(13), substr(line, 1, length(line) - 1), line) AS line
    FROM {{catalog}}.{{raw_schema}}.log_lines
    WHERE dt BETWEEN CAST({{from_date}} AS varchar) AND CAST({{to_date}} AS varchar)
        -- CloudFront's header lines (#Version, #Fields) open each of its objects, wherever they are read from: no
        -- request, so no line to parse or quarantine (lines_conserved.check.sql leaves them out too).
        AND NOT (log_format = 'cloudfront' AND (starts_with(line, '#Version:') OR starts_with(line, '#Fields:')))
        -- The objects of the days read, of sources whose objects lie flat in one folder (CloudFront read in place):
        -- see sql/README.md, "Logs read in place". TRUE when the lake has none.
        AND {{raw_object_filter}}
),
-- The records of the typed raw table (Parquet, read by staging/formats/parquet.sql) of the arrival days. The
-- raw_object_filter does not apply: it concerns CloudFront sources read in place, whose objects are text lines.
raw_records AS (
    SELECT
        CAST(dt AS date) AS arrival_dt,
        "$path" AS source_object,
        site,
        "time", client_ip, "user", method, target, protocol, status, bytes, referer, user_agent, response_time_us
    FROM {{catalog}}.{{raw_schema}}.log_records
    WHERE dt BETWEEN CAST({{from_date}} AS varchar) AND CAST({{to_date}} AS varchar)
),
fields AS (
    SELECT *, try_cast(client_ip AS ipaddress) AS client_address
    FROM (
        {{formats}}
    )
),
typed AS (
    SELECT
        *,
        CAST(at_timezone(event_time_zoned, 'UTC') AS timestamp(3)) AS event_time,
        CAST(at_timezone(event_time_zoned, 'UTC') AS date) AS event_dt
    FROM fields
),
checked AS (
    SELECT
        *,
        CASE
            WHEN length(line) > 65536 THEN 'line longer than 65536 characters'
            -- The text reader replaces bytes that are not UTF-8 with U+FFFD: such a line would otherwise load with
            -- values that differ from the log. Quarantined instead; its object (source_object) has the bytes.
            WHEN strpos(line, chr(65533)) > 0 THEN 'line is not valid UTF-8'
            WHEN NOT matched THEN 'not a ' || log_format || ' log line'
            WHEN event_time_zoned IS NULL THEN 'timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ'
            WHEN client_address IS NULL THEN 'client address is not an IPv4 or IPv6 address'
            WHEN status < 100 OR status > 599 THEN 'status code outside 100-599'
            WHEN event_dt > arrival_dt THEN 'event date after the arrival date'
            WHEN event_dt < arrival_dt - INTERVAL '1' DAY * {{lateness_days}} THEN 'event arrived later than the lateness window'
        END AS error,
        -- Once here: three columns below need it, and Trino would evaluate the expression for each.
        regexp_like(lower(user_agent), 'bot|crawler|spider|slurp') AS bot_agent
    FROM typed
),
final AS (
    SELECT
        c.source_object,
        c.site,
        c.error,
        IF(c.error IS NULL, NULL, c.line) AS raw_line,
        IF(c.error IS NULL, c.client_ip) AS client_ip,
        IF(c.error IS NULL, c.remote_user) AS remote_user,
        IF(c.error IS NULL, c.event_time) AS event_time,
        IF(c.error IS NULL, c.event_dt) AS event_dt,
        IF(c.error IS NULL, c.method) AS method,
        IF(c.error IS NULL, IF(strpos(c.target, '?') > 0, substr(c.target, 1, strpos(c.target, '?') - 1), c.target)) AS path,
        IF(c.error IS NULL AND strpos(c.target, '?') > 0, substr(c.target, strpos(c.target, '?') + 1)) AS query_string,
        IF(c.error IS NULL, c.protocol) AS protocol,
        IF(c.error IS NULL, c.status) AS status,
        IF(c.error IS NULL, c.response_bytes) AS response_bytes,
        IF(c.error IS NULL, c.referrer) AS referrer,
        IF(c.error IS NULL, url_extract_host(c.referrer)) AS referrer_host,
        IF(c.error IS NULL, c.user_agent) AS user_agent,
        IF(c.error IS NULL, c.response_micros) AS response_micros,
        IF(c.error IS NULL,
            CASE
                WHEN c.user_agent IS NULL THEN 'Unknown'
                WHEN c.bot_agent THEN 'Bot'
                WHEN strpos(c.user_agent, 'Edg/') > 0 THEN 'Edge'
                WHEN strpos(c.user_agent, 'OPR/') > 0 OR strpos(c.user_agent, 'Opera') > 0 THEN 'Opera'
                WHEN strpos(c.user_agent, 'Firefox/') > 0 THEN 'Firefox'
                WHEN strpos(c.user_agent, 'Chrome/') > 0 OR strpos(c.user_agent, 'CriOS/') > 0 THEN 'Chrome'
                WHEN strpos(c.user_agent, 'Safari/') > 0 THEN 'Safari'
                WHEN strpos(lower(c.user_agent), 'curl') > 0 OR strpos(c.user_agent, 'python') > 0 THEN 'Script'
                ELSE 'Other'
            END) AS browser_family,
        IF(c.error IS NULL,
            CASE
                WHEN c.user_agent IS NULL THEN 'Unknown'
                WHEN strpos(c.user_agent, 'Android') > 0 THEN 'Android'
                WHEN strpos(c.user_agent, 'iPhone') > 0 OR strpos(c.user_agent, 'iPad') > 0 THEN 'iOS'
                WHEN strpos(c.user_agent, 'Windows') > 0 THEN 'Windows'
                WHEN strpos(c.user_agent, 'Mac OS X') > 0 OR strpos(c.user_agent, 'Macintosh') > 0 THEN 'macOS'
                WHEN strpos(c.user_agent, 'CrOS') > 0 THEN 'ChromeOS'
                WHEN strpos(c.user_agent, 'Linux') > 0 THEN 'Linux'
                ELSE 'Other'
            END) AS os_family,
        IF(c.error IS NULL,
            CASE
                WHEN c.user_agent IS NULL THEN 'unknown'
                WHEN c.bot_agent THEN 'bot'
                WHEN strpos(c.user_agent, 'iPad') > 0 OR strpos(c.user_agent, 'Tablet') > 0 THEN 'tablet'
                WHEN strpos(c.user_agent, 'Mobile') > 0 OR strpos(c.user_agent, 'iPhone') > 0
                    OR strpos(c.user_agent, 'Android') > 0 THEN 'mobile'
                ELSE 'desktop'
            END) AS device_class,
        IF(c.error IS NULL, c.user_agent IS NOT NULL AND c.bot_agent) AS is_bot,
        c.arrival_dt
    FROM checked c
)
SELECT * FROM final
