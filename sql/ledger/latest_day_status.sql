-- @view       {{ledger_schema}}.latest_day_status
-- @description The one definition of a day's status in the lake: the latest status the transforms recorded for
--             each day, arrival and event alike. The runner (which days to load), the reports (which days to
--             read), the BI views and the bench all read it, so "complete" means the same everywhere.
-- @grain      one row per kind (arrival, event) and day the transforms have worked on.
-- @parameters catalog, ledger_schema (identifiers)
-- @column kind: arrival (a raw day was staged) or event (a day of the marts was built)
-- @column dt: UTC date
-- @column status: Latest status: complete (loaded, checked, its raw day closed), partial (its raw day still open
--         or never loaded; loaded again until complete), loading (being written, or its run was cut off) or failed
--         (a job or check failed; the next run loads it again)
-- @column is_complete: True when the latest status is complete: the day's figures are final
-- @column updated_at: When the status was set (UTC)
-- @column run_id: The transform run that set it (see job_runs)
-- @column reloading: True while a complete day is written again (its status is loading, the one before was
--         complete): its figures were served and are being replaced; a report refuses to read it then
SELECT
    kind,
    dt,
    statuses[1] AS status,
    statuses[1] = 'complete' AS is_complete,
    updated_at,
    run_id,
    statuses[1] = 'loading' AND cardinality(statuses) > 1 AND statuses[2] = 'complete' AS reloading
FROM (
    SELECT
        kind,
        dt,
        -- Newest first. A run writes a day's statuses seconds apart, so updated_at orders them.
        array_agg(status ORDER BY updated_at DESC) AS statuses,
        max(updated_at) AS updated_at,
        max_by(run_id, updated_at) AS run_id
    FROM {{catalog}}.{{ledger_schema}}.day_status
    GROUP BY kind, dt
)
