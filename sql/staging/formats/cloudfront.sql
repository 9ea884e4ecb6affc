-- @format     cloudfront
-- @description Amazon CloudFront standard logs (legacy, W3C extended): tab separated, in UTC, after the header
--             lines "#Version: 1.0" and "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host)
--             cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type
--             x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol
--             ssl-cipher x-edge-response-result-type cs-protocol-version ..." (33 fields; more may follow)
-- @site       the distribution's domain (cs(Host), such as d111111abcdef8.cloudfront.net), in lower case
-- @grain      one row per raw line of the sources declared cloudfront, whether or not it has the format's shape
--
-- The columns every format returns are listed in combined.sql. How CloudFront's fields map onto them:
-- - event_time: date and time, in UTC, when CloudFront finished responding (the log has no other time; whole
--   seconds).
-- - target: cs-uri-stem, then '?' and cs-uri-query unless the query is '-'.
-- - protocol: cs-protocol-version (HTTP/2.0); status: sc-status (000, a viewer that left before the response,
--   is quarantined as outside 100-599); response_bytes: sc-bytes, which counts the response's headers too.
-- - user_agent: URL-decoded, as CloudFront encodes it (%20 for a space). Only %XX sequences are decoded: a
--   literal '+' stays a '+' (Googlebot's "+http://www.google.com/bot.html"); a malformed sequence keeps the
--   field as logged. referrer: as logged, '-' is NULL.
-- - response_micros: time-taken (seconds, milliseconds) x 1,000,000.
-- Ingest does not store the header lines (#Version, #Fields): they hold no request. A line that is not tab
-- separated into at least 19 fields with a date, a time, a method and a path is not a cloudfront line.
SELECT
    arrival_dt,
    source_object,
    line,
    'cloudfront' AS log_format,
    matched,
    IF(matched, lower(f[7]), site) AS site,
    IF(matched, f[5]) AS client_ip,
    CAST(NULL AS varchar) AS remote_user,
    IF(matched, try(from_iso8601_timestamp(f[1] || 'T' || f[2] || 'Z'))) AS event_time_zoned,
    IF(matched, upper(f[6])) AS method,
    IF(matched, f[8] || IF(f[12] IN ('-', ''), '', '?' || f[12])) AS target,
    IF(matched AND cardinality(f) >= 24 AND f[24] <> '-', f[24]) AS protocol,
    IF(matched, try_cast(f[9] AS integer)) AS status,
    IF(matched, try_cast(f[4] AS bigint)) AS response_bytes,
    IF(matched, NULLIF(NULLIF(f[10], '-'), '')) AS referrer,
    IF(matched, NULLIF(NULLIF(coalesce(try(url_decode(replace(f[11], '+', '%2B'))), f[11]), '-'), '')) AS user_agent,
    IF(matched, CAST(try_cast(f[19] AS decimal(15, 3)) * 1000000 AS bigint)) AS response_micros
FROM (
    SELECT
        *,
        cardinality(f) >= 19
            -- element_at: NULL rather than an error for a line with fewer fields.
            AND regexp_like(element_at(f, 1) || ' ' || element_at(f, 2), '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$')
            AND regexp_like(element_at(f, 6), '^[A-Za-z]{1,20}$')
            AND starts_with(element_at(f, 8), '/') AS matched
    FROM (
        SELECT arrival_dt, source_object, line, site, split(line, chr(9)) AS f
        FROM raw_lines
        WHERE log_format = 'cloudfront'
    )
)
