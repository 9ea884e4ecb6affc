-- @view       {{reports_schema}}.day_status
-- @description Whether each day of the lake is complete: the latest status the transforms recorded for it.
--             The other views show complete days only; this one shows which days are missing and why.
-- @grain      one row per event day (UTC) the transforms have worked on.
-- @parameters catalog, ledger_schema, reports_schema (identifiers)
-- @column dt: UTC date
-- @column status: Latest status: complete (loaded and checked), loading (being written, or its run was cut
--         off) or failed (a job or check failed; the next run loads it again)
-- @column is_complete: True when the status is complete: the day's figures are final
-- @column updated_at: When the status was set (UTC)
-- @column run_id: The transform run that set it (see the ledger's job_runs)
SELECT
    dt,
    max_by(status, updated_at) AS status,
    max_by(status, updated_at) = 'complete' AS is_complete,
    max(updated_at) AS updated_at,
    max_by(run_id, updated_at) AS run_id
FROM {{catalog}}.{{ledger_schema}}.day_status
WHERE kind = 'event'
GROUP BY dt
