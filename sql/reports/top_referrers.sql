-- @query      top_referrers
-- @grain      one row per referring host, for the period's top_n hosts (rank 1 = most requests; ties broken
--             by host). Requests without a referrer are not ranked.
-- @parameters catalog, marts_schema, ledger_schema (identifiers); from_date, to_date (the period's days);
--             top_n (integer)
--
-- Ranked over the whole period with a window function, from fact_requests (see top_pages.sql).
WITH complete_days AS (
    -- Only days the transforms finished and checked: the latest status of the day in the ledger.
    SELECT dt
    FROM {{catalog}}.{{ledger_schema}}.day_status
    WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
    HAVING max_by(status, updated_at) = 'complete'
),
counts AS (
    SELECT f.referrer_host, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests f
    JOIN complete_days c ON c.dt = f.dt
    WHERE f.dt BETWEEN {{from_date}} AND {{to_date}}
        AND f.referrer_host IS NOT NULL
    GROUP BY f.referrer_host
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY requests DESC, referrer_host ASC) AS referrer_rank
    FROM counts
)
SELECT referrer_rank, referrer_host, requests
FROM ranked
WHERE referrer_rank <= {{top_n}}
ORDER BY referrer_rank
