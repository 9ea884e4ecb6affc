-- @table      {{marts_schema}}.conversions
-- @description Visits and the orders they placed, by channel and campaign: the traffic joined with the shop's
--             database (a catalog added with loglake catalog add) across catalogs.
-- @grain      one row per day, site, channel and campaign. A visit is a session (the rule of marts/sessions.sql:
--             a visitor's requests with gaps under 30 minutes, cut at midnight UTC) with at least one page view;
--             it is attributed by its landing request, its first page view (by time, then path).
-- @partitioned_by dt
-- @requires_catalog shop_catalog
-- @test       not_null: site, channel, campaign, sessions
-- @test       accepted_values: channel = 'paid', 'direct', 'organic_search', 'social', 'referral'
-- @parameters catalog, marts_schema, shop_catalog, shop_schema (identifiers); from_date, to_date (event dates)
-- @column site: The site visited
-- @column channel: paid (the landing URL's utm_medium is cpc, ppc, paid, paid_search, paid_social, paidsocial or
--                display), else direct (no referrer), organic_search (a search engine's), social (a social
--                network's) or referral (any other referrer)
-- @column campaign: The landing URL's utm_campaign; '(none)' without one
-- @column sessions: Visits: sessions with at least one page view
-- @column converting_sessions: Visits that placed at least one order
-- @column orders: Orders placed: the shop's orders named by the visits' confirmation pages (order=ID)
-- @column revenue_cents: The orders' amounts (the shop's orders.amount_cents), in cents
-- @column average_order_value_cents: revenue_cents / orders; NULL without orders
-- @column conversion_rate: converting_sessions / sessions
-- @column dt: UTC date of the visits; the partition
--
-- Sessions are numbered here as in marts/sessions.sql (that mart keeps no landing referrer or query), from the
-- same facts, so a day's visits here and there are the same sessions. The rule for channels is also the
-- generator's (generator/.../shop/Channels.java), which counts the manifest's ground truth.
WITH requests AS (
    SELECT
        dt,
        site,
        client_ip,
        coalesce(user_agent, '') AS user_agent,
        event_time,
        path,
        query_string,
        referrer_host,
        is_page_view,
        lag(event_time) OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time) AS previous_time
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
),
numbered AS (
    SELECT
        *,
        sum(IF(previous_time IS NULL OR event_time - previous_time >= INTERVAL '30' MINUTE, 1, 0))
            OVER (PARTITION BY dt, site, client_ip, user_agent ORDER BY event_time RANGE UNBOUNDED PRECEDING)
            AS session_number
    FROM requests
),
visits AS (
    SELECT
        dt,
        site,
        client_ip,
        user_agent,
        session_number,
        min_by(referrer_host, IF(is_page_view, ROW(event_time, path))) AS landing_host,
        min_by(query_string, IF(is_page_view, ROW(event_time, path))) AS landing_query
    FROM numbered
    GROUP BY dt, site, client_ip, user_agent, session_number
    HAVING count_if(is_page_view) > 0
),
confirmations AS (
    SELECT DISTINCT
        dt,
        site,
        client_ip,
        user_agent,
        session_number,
        TRY_CAST(url_extract_parameter(concat('http://q/?', query_string), 'order') AS bigint) AS order_id
    FROM numbered
    WHERE is_page_view AND path = '/checkout/confirmation' AND query_string IS NOT NULL
),
placed AS (
    SELECT c.dt, c.site, c.client_ip, c.user_agent, c.session_number, count(*) AS orders,
        sum(o.amount_cents) AS revenue_cents
    FROM confirmations c
    JOIN {{shop_catalog}}.{{shop_schema}}.orders o ON o.order_id = c.order_id
    WHERE o.order_day BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY c.dt, c.site, c.client_ip, c.user_agent, c.session_number
),
attributed AS (
    SELECT
        v.dt,
        v.site,
        CASE
            WHEN lower(url_extract_parameter(concat('http://q/?', v.landing_query), 'utm_medium'))
                IN ('cpc', 'ppc', 'paid', 'paid_search', 'paid_social', 'paidsocial', 'display') THEN 'paid'
            WHEN v.landing_host IS NULL THEN 'direct'
            WHEN regexp_like(lower(v.landing_host), '(^|\.)(google|bing|yahoo|duckduckgo|yandex|baidu|ecosia)\.[a-z.]+$')
                THEN 'organic_search'
            WHEN regexp_like(lower(v.landing_host),
                '^t\.co$|(^|\.)(facebook|instagram|twitter|x|reddit|pinterest|youtube|linkedin|tiktok)\.com$')
                THEN 'social'
            ELSE 'referral'
        END AS channel,
        coalesce(url_extract_parameter(concat('http://q/?', v.landing_query), 'utm_campaign'), '(none)') AS campaign,
        coalesce(p.orders, 0) AS orders,
        coalesce(p.revenue_cents, 0) AS revenue_cents
    FROM visits v
    LEFT JOIN placed p
        ON p.dt = v.dt AND p.site = v.site AND p.client_ip = v.client_ip AND p.user_agent = v.user_agent
        AND p.session_number = v.session_number
)
SELECT
    site,
    channel,
    campaign,
    count(*) AS sessions,
    count_if(orders > 0) AS converting_sessions,
    sum(orders) AS orders,
    sum(revenue_cents) AS revenue_cents,
    CAST(sum(revenue_cents) AS double) / nullif(sum(orders), 0) AS average_order_value_cents,
    CAST(count_if(orders > 0) AS double) / count(*) AS conversion_rate,
    dt
FROM attributed
GROUP BY dt, site, channel, campaign
