-- Port of sql/marts/hourly_response_times.sql.
-- @figure requests: sum(requests)
-- @figure hour_weighted: sum(hour * requests)
-- @figure micros_weighted: sum(response_micros * requests)
SELECT
    site,
    hour(event_time) AS hour,
    response_micros - response_micros
        % CAST(power(10, greatest(length(CAST(response_micros AS varchar)) - 3, 0)) AS bigint) AS response_micros,
    count(*) AS requests,
    dt
FROM fact_requests
WHERE response_micros IS NOT NULL
GROUP BY ALL
