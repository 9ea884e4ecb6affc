-- @query      period_days
-- @grain      one row per event day of [from_date, to_date] that the ledger knows, with its latest status
--             (loading, complete or failed). Days the ledger does not know are absent; the report names
--             them missing too. With each status, when and by which run it was set, and whether the day is
--             being reloaded (complete before, written again now): a report reads this before and after its
--             figures, and fails rather than mix a day's old and new figures.
-- @parameters catalog, ledger_schema (identifiers); from_date, to_date (dates)
SELECT dt, status, CAST(updated_at AS varchar) AS updated_at, run_id, reloading
FROM {{catalog}}.{{ledger_schema}}.latest_day_status
WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
ORDER BY dt
