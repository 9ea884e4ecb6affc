-- @format     alb
-- @description AWS Application Load Balancer access logs, as the load balancer writes them to S3 (space
--             separated, quoted request and user agent; AWS appends new fields at the end, which are ignored):
--             type time elb client:port target:port request_processing_time target_processing_time
--             response_processing_time elb_status_code target_status_code received_bytes sent_bytes
--             "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"
--             "chosen_cert_arn" matched_rule_priority request_creation_time ...
-- @site       the load balancer's name (the middle part of app/NAME/ID in the elb field), in lower case
-- @grain      one row per raw line of the sources declared alb, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. How the ALB's fields map onto them:
-- - client_ip: the client field without its port (the text before the last ':', so IPv6 is kept whole).
-- - event_time: request_creation_time, when the load balancer received the request (as %t is for Apache), cut
--   to milliseconds rather than rounded, so a request at 23:59:59.9996 stays on its day. The time field is when
--   the response was sent: ingest routes a line to the hour folder of that time (its arrival), the marts count
--   it on the day of the request.
-- - target: the request's URL as the ALB logs it (scheme, host and port first) is cut to its path and query,
--   the form every other format logs, so paths group the same whatever the format.
-- - status: elb_status_code, what the client received (the target's code may be '-' when none answered).
-- - response_bytes: sent_bytes. referrer: the ALB does not log it (NULL). remote_user: NULL.
-- - response_micros: the sum of the three processing times, in microseconds; NULL when any is -1 (the request
--   never reached a target or the connection closed early: there is no response time to report).
-- A line whose request the ALB could not parse ("- - - " with a 400) has no method or path: it is quarantined as
-- not an alb line, like a truncated line.
SELECT
    arrival_dt,
    source_object,
    line,
    'alb' AS log_format,
    f[1] <> '' AND try(from_iso8601_timestamp(f[3] || 'Z')) IS NOT NULL AS matched,
    IF(f[1] <> '', lower(f[1]), site) AS site,
    f[2] AS client_ip,
    CAST(NULL AS varchar) AS remote_user,
    try(from_iso8601_timestamp(f[3] || 'Z')) AS event_time_zoned,
    upper(f[4]) AS method,
    CASE
        WHEN path_and_query = '' THEN '/'
        WHEN starts_with(path_and_query, '?') THEN '/' || path_and_query
        ELSE path_and_query
    END AS target,
    f[6] AS protocol,
    try_cast(f[7] AS integer) AS status,
    try_cast(f[8] AS bigint) AS response_bytes,
    CAST(NULL AS varchar) AS referrer,
    NULLIF(NULLIF(f[9], '-'), '') AS user_agent,
    IF(
        f[10] = '-1' OR f[11] = '-1' OR f[12] = '-1',
        NULL,
        CAST((try_cast(f[10] AS decimal(18, 6)) + try_cast(f[11] AS decimal(18, 6)) + try_cast(f[12] AS decimal(18, 6)))
            * 1000000 AS bigint)) AS response_micros
FROM (
    SELECT
        *,
        -- The URL without its scheme, host and port.
        regexp_replace(f[5], '^[A-Za-z][A-Za-z0-9+.-]*://[^/?]*', '') AS path_and_query
    FROM (
        SELECT
            arrival_dt,
            source_object,
            line,
            site,
            split(
                regexp_replace(
                    line,
                    '^(?:[a-z0-9]{1,10} [^\s\x1f]+ [a-z]+/(?<elb>[^\s/\x1f]+)/[^\s\x1f]+ (?<ip>[^\s\x1f]+):[0-9]{1,5} [^\s\x1f]+ (?<rpt>-1|[0-9]{1,9}\.[0-9]{1,6}) (?<tpt>-1|[0-9]{1,9}\.[0-9]{1,6}) (?<spt>-1|[0-9]{1,9}\.[0-9]{1,6}) (?<status>[0-9]{3}) [^\s\x1f]+ [0-9]{1,18} (?<bytes>[0-9]{1,18}) "(?<method>[A-Za-z]{1,20}) (?<url>[^\s"\x1f]+) (?<protocol>HTTP/[0-9.]{1,4})" "(?<agent>[^"\\\x1f]*(?:\\[^\x1f][^"\\\x1f]*)*)" [^\s\x1f]+ [^\s\x1f]+ [^\s\x1f]+ "[^"\x1f]*" "[^"\x1f]*" "[^"\x1f]*" [^\s\x1f]+ (?<created>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,3})?)[0-9]*Z(?: .*)?|(?<unparsed>.*))$',
                    '${elb}' || chr(31) || '${ip}' || chr(31) || '${created}' || chr(31) || '${method}' || chr(31)
                        || '${url}' || chr(31) || '${protocol}' || chr(31) || '${status}' || chr(31) || '${bytes}'
                        || chr(31) || '${agent}' || chr(31) || '${rpt}' || chr(31) || '${tpt}' || chr(31) || '${spt}'
                        || chr(31) || '${unparsed}'),
                chr(31)) AS f
        FROM raw_lines
        WHERE log_format = 'alb'
    )
)
