-- @table      {{staging_schema}}.quarantine
-- @description Raw lines that did not parse, kept with the reason and their object so that nothing is lost.
-- @grain      one row per raw line that did not parse, with the reason and the object it came from.
-- @partitioned_by arrival_dt
-- @parameters catalog, staging_schema (identifiers); from_date, to_date (arrival dates)
-- @column source_object: S3 URI of the raw log object the line came from
-- @column raw_line: The raw line exactly as logged
-- @column reason: Why the line was quarantined, such as 'not a combined log line' or 'event arrived later
--                than the lateness window'
-- @column arrival_dt: UTC date of the raw folder (dt=...) the line arrived in; the partition
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
