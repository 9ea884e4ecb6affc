-- @table      {{ledger_schema}}.day_status
-- @grain      one row per status change of a day of the lake; the latest row of a day is its status.
-- @partitioned_by (none: small, append-only)
-- @parameters catalog, ledger_schema (identifiers)
--
-- Hive tables have no atomic partition replace: while a day is rewritten, readers may see part of it.
-- The runner marks a day 'loading' before it writes and, after the checks pass, 'complete' when its raw day is
-- closed or 'partial' while more of its lines may arrive ('failed' when a job or check failed); reports refuse
-- days that are not complete. When a day is complete: README.md, "When is a day complete".
CREATE TABLE IF NOT EXISTS {{catalog}}.{{ledger_schema}}.day_status (
    kind varchar COMMENT 'arrival (a raw day was staged) or event (a day of the marts was built)',
    dt date COMMENT 'The day',
    status varchar COMMENT 'loading, partial, complete or failed',
    run_id varchar COMMENT 'The transform run that set the status',
    updated_at timestamp(3) COMMENT 'When the status was set (UTC)'
)
COMMENT 'Status of each day of the lake: reports read only complete days'
WITH (format = 'PARQUET')
