-- @check      Every raw line and Parquet record of the arrival days (but CloudFront's header lines) is either a
--             parsed row or a quarantined row: none lost, none counted twice.
-- @grain      one row per arrival day whose counts do not add up (no row: the check holds).
-- @parameters catalog, raw_schema, staging_schema (identifiers); from_date, to_date (arrival dates);
--             raw_object_filter (as in parsed_lines.sql)
WITH raw_lines AS (
    SELECT day, sum(lines) AS lines
    FROM (
        SELECT CAST(dt AS date) AS day, count(*) AS lines
        FROM {{catalog}}.{{raw_schema}}.log_lines
        WHERE dt BETWEEN CAST({{from_date}} AS varchar) AND CAST({{to_date}} AS varchar)
            -- CloudFront's header lines are no log lines: parsed_lines.sql skips them.
            AND NOT (log_format = 'cloudfront' AND (starts_with(line, '#Version:') OR starts_with(line, '#Fields:')))
            -- The objects of the days read, of sources whose objects lie flat in one folder (CloudFront read in
            -- place): see sql/README.md, "Logs read in place". TRUE when the lake has none.
            AND {{raw_object_filter}}
        GROUP BY 1
        UNION ALL
        -- Every Parquet record is a line too (staging/formats/parquet.sql).
        SELECT CAST(dt AS date) AS day, count(*) AS lines
        FROM {{catalog}}.{{raw_schema}}.log_records
        WHERE dt BETWEEN CAST({{from_date}} AS varchar) AND CAST({{to_date}} AS varchar)
        GROUP BY 1
    )
    GROUP BY day
),
parsed AS (
    SELECT arrival_dt AS day, count(*) AS lines
    FROM {{catalog}}.{{staging_schema}}.parsed_lines
    WHERE error IS NULL AND arrival_dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY 1
),
quarantined AS (
    SELECT arrival_dt AS day, count(*) AS lines
    FROM {{catalog}}.{{staging_schema}}.quarantine
    WHERE arrival_dt BETWEEN {{from_date}} AND {{to_date}}
    GROUP BY 1
),
days AS (
    SELECT day FROM raw_lines UNION SELECT day FROM parsed UNION SELECT day FROM quarantined
)
SELECT
    CAST(d.day AS varchar) AS partition,
    format('%d raw lines but %d parsed + %d quarantined', coalesce(r.lines, 0), coalesce(p.lines, 0),
        coalesce(q.lines, 0)) AS problem
FROM days d
LEFT JOIN raw_lines r ON r.day = d.day
LEFT JOIN parsed p ON p.day = d.day
LEFT JOIN quarantined q ON q.day = d.day
WHERE coalesce(r.lines, 0) <> coalesce(p.lines, 0) + coalesce(q.lines, 0)
