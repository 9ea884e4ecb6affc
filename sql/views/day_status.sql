-- @view       {{reports_schema}}.day_status
-- @description Whether each day of the lake is complete: the latest status the transforms recorded for it.
--             The other views show complete days only; this one shows which days are missing and why.
-- @grain      one row per event day (UTC) the transforms have worked on.
-- @parameters catalog, ledger_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column status: Latest status: complete (loaded, checked, its raw day closed), partial (more of its lines may
--         still arrive: not final), loading (being written, or its run was cut off) or failed (a job or check
--         failed; the next run loads it again)
-- @column is_complete: True when the status is complete: the day's figures are final
-- @column updated_at: When the status was set (UTC)
-- @column run_id: The transform run that set it (see the ledger's job_runs)
-- The status itself is defined once, in ledger/latest_day_status.sql.
SELECT dt, status, is_complete, updated_at, run_id
FROM {{catalog}}.{{ledger_schema}}.latest_day_status
WHERE kind = 'event'
