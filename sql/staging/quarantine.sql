-- @table      {{staging_schema}}.quarantine
-- @grain      one row per raw line that did not parse, with the reason and the object it came from.
-- @partitioned_by arrival_dt
-- @parameters catalog, staging_schema (identifiers); from_date, to_date (arrival dates)
--
-- Bad lines are kept, never dropped: for every arrival day, raw lines = parsed rows + quarantined rows,
-- and the runner checks it after each load.
SELECT
    source_object,
    raw_line,
    error AS reason,
    arrival_dt
FROM {{catalog}}.{{staging_schema}}.parsed_lines
WHERE arrival_dt BETWEEN {{from_date}} AND {{to_date}}
    AND error IS NOT NULL
