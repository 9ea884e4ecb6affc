-- @query      period_days
-- @grain      one row per event day of [from_date, to_date] that the ledger knows, with its latest status
--             (loading, complete or failed). Days the ledger does not know are absent; the report names
--             them missing too.
-- @parameters catalog, ledger_schema (identifiers); from_date, to_date (dates)
SELECT dt, status
FROM {{catalog}}.{{ledger_schema}}.latest_day_status
WHERE kind = 'event' AND dt BETWEEN {{from_date}} AND {{to_date}}
ORDER BY dt
