-- @table      {{marts_schema}}.fact_requests
-- @description Every valid HTTP request, with the fields parsed from the log and what loglake derives from
--             them.
-- @grain      one row per valid HTTP request, in the partition of the date it happened (UTC).
-- @partitioned_by dt
-- @test       not_null: event_time, client_ip, method, path, status, response_bytes
-- @parameters catalog, staging_schema, marts_schema (identifiers); from_date, to_date (event dates);
--             lateness_days (integer)
-- @session    join_distribution_type = BROADCAST: the countries of the day's client addresses (one row per
--             address) and the IP-block buckets are small beside the requests, and Trino, which cannot
--             estimate the output of the contains() join, would otherwise repartition every request by address
--             (about a quarter of the statement's CPU here). Broadcast, the small sides go to the requests instead.
-- @column site: The site of the request: its source's name, or the host the line names (see staging.parsed_lines)
-- @column event_time: When the request happened, in UTC
-- @column client_ip: Client IP address (IPv4 or IPv6) as logged
-- @column remote_user: Authenticated user name from the log, NULL when '-'
-- @column method: HTTP method, upper case (GET, POST, ...)
-- @column path: Requested path, without the query string
-- @column query_string: Query string after '?', without the '?'; NULL when there is none
-- @column protocol: HTTP protocol version, such as HTTP/1.1
-- @column status: HTTP status code of the response
-- @column response_bytes: Bytes sent in the response body; a logged '-' counts as 0
-- @column response_micros: Response time in microseconds, when the log has it; else NULL
-- @column referrer: Referer header as logged; NULL when empty or '-'
-- @column referrer_host: Host name of the referrer URL; NULL without a referrer
-- @column user_agent: User-Agent header as logged; NULL when empty
-- @column browser_family: Browser family from the user agent: Chrome, Firefox, Safari, Edge, Opera, Bot,
--                        Script, Other or Unknown
-- @column os_family: Operating system from the user agent: Windows, macOS, iOS, Android, Linux, ChromeOS,
--                   Other or Unknown
-- @column device_class: Device class from the user agent: desktop, mobile, tablet, bot or unknown
-- @column is_bot: True when the user agent contains bot, crawler, spider or slurp (ignoring case)
-- @column country: ISO 3166 alpha-2 country of the client address, from raw.ip_blocks; 'unknown' when no
--                 network contains it
-- @column is_asset: True for static files: images, styles, scripts, fonts, and paths under /static/ or
--                  /assets/
-- @column is_page_view: True for a page view: a successful (status < 400) GET by a person (not a bot) of a
--                      page, not an asset, feed or API call
-- @column path_group: First segment of the path, such as /products ('/' for the home page), for latency by
--                    site section
-- @column arrival_dt: UTC date of the raw folder the request arrived in; later than dt for a late event
-- @column source_object: S3 URI of the raw log object the request came from
-- @column dt: UTC date the request happened (event date); the partition
--
-- An event that arrived late (in a later day's raw objects) lands in its own event date: partition dt is
-- rebuilt from every arrival day from dt to dt + lateness_days. Bytes logged as "-" count as 0.
-- The country comes from the IP-block reference list: the most specific network that contains the client
-- address ('unknown' when none does), found through the address buckets of staging.ip_block_buckets.
WITH requests AS (
    SELECT *
    FROM {{catalog}}.{{staging_schema}}.parsed_lines
    WHERE error IS NULL
        AND event_dt BETWEEN {{from_date}} AND {{to_date}}
        AND arrival_dt BETWEEN {{from_date}} AND {{to_date}} + INTERVAL '1' DAY * {{lateness_days}}
),
addresses AS (
    SELECT DISTINCT
        client_ip,
        CAST(client_ip AS ipaddress) AS client_address,
        strpos(client_ip, ':') = 0 AS is_ipv4
    FROM requests
),
address_buckets AS (
    SELECT
        client_ip,
        client_address,
        concat(
            IF(is_ipv4, '4:', '6:'),
            CAST(IF(is_ipv4,
                bitwise_and(from_big_endian_32(substr(CAST(client_address AS varbinary), 13, 4)), 4294967295) / 65536,
                bitwise_and(from_big_endian_32(substr(CAST(client_address AS varbinary), 1, 4)), 4294967295))
            AS varchar)) AS bucket
    FROM addresses
),
ip_countries AS (
    SELECT a.client_ip, max_by(b.country, b.prefix_length) AS country
    FROM address_buckets a
    JOIN {{catalog}}.{{staging_schema}}.ip_block_buckets b
        ON b.bucket = a.bucket AND contains(b.network, a.client_address)
    GROUP BY a.client_ip
)
SELECT
    r.site,
    r.event_time,
    r.client_ip,
    remote_user,
    method,
    path,
    query_string,
    protocol,
    status,
    response_bytes,
    response_micros,
    referrer,
    referrer_host,
    user_agent,
    browser_family,
    os_family,
    device_class,
    is_bot,
    coalesce(ic.country, 'unknown') AS country,
    regexp_like(path, '\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map)$')
        OR starts_with(path, '/static/') OR starts_with(path, '/assets/') AS is_asset,
    method = 'GET' AND status < 400 AND NOT is_bot
        AND NOT (regexp_like(path, '\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map|xml|txt|json)$')
            OR starts_with(path, '/static/') OR starts_with(path, '/assets/') OR starts_with(path, '/api/'))
        AS is_page_view,
    CASE
        WHEN path = '/' THEN '/'
        ELSE concat('/', split_part(path, '/', 2))
    END AS path_group,
    arrival_dt,
    source_object,
    event_dt AS dt
FROM requests r
LEFT JOIN ip_countries ic ON ic.client_ip = r.client_ip
