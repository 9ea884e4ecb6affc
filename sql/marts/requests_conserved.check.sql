-- @check      Each event day of the facts holds its staged requests exactly once (none lost, none doubled), and
--             every day with requests has its partition registered in the metastore.
-- @grain      one row per event day that breaks the rule (no row: the check holds).
-- @parameters catalog, staging_schema, marts_schema (identifiers); from_date, to_date (event dates);
--             lateness_days (integer)
WITH staged AS (
    SELECT event_dt AS dt, count(*) AS requests
    FROM {{catalog}}.{{staging_schema}}.parsed_lines
    WHERE error IS NULL
        AND event_dt BETWEEN {{from_date}} AND {{to_date}}
        AND arrival_dt BETWEEN {{from_date}} AND date_add('day', {{lateness_days}}, {{to_date}})
    GROUP BY event_dt
),
facts AS (
    SELECT dt, count(*) AS requests
    FROM {{catalog}}.{{marts_schema}}.fact_requests
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY dt
),
registered AS (
    SELECT dt
    FROM {{catalog}}.{{marts_schema}}."fact_requests$partitions"
    WHERE dt BETWEEN {{from_date}} AND {{to_date}}
)
SELECT
    CAST(coalesce(s.dt, f.dt) AS varchar) AS partition,
    CASE
        WHEN coalesce(f.requests, 0) <> coalesce(s.requests, 0) THEN format(
            '%d requests in the fact table but %d staged (%s)', coalesce(f.requests, 0), coalesce(s.requests, 0),
            IF(coalesce(f.requests, 0) > coalesce(s.requests, 0), 'duplicates', 'missing rows'))
        ELSE 'no fact_requests partition'
    END AS problem
FROM staged s
FULL JOIN facts f ON f.dt = s.dt
WHERE coalesce(f.requests, 0) <> coalesce(s.requests, 0)
    OR (s.requests > 0 AND s.dt NOT IN (SELECT dt FROM registered))
