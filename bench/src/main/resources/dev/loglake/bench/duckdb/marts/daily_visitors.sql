-- Port of sql/marts/daily_visitors.sql.
-- @figure requests: sum(requests)
-- @figure distinct_client_ips: count(DISTINCT client_ip)
-- @figure empty_user_agents: count(CASE WHEN user_agent = '' THEN 1 END)
SELECT
    site,
    client_ip,
    coalesce(user_agent, '') AS user_agent,
    count(*) AS requests,
    dt
FROM fact_requests
GROUP BY dt, site, client_ip, coalesce(user_agent, '')
