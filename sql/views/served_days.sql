-- @view       {{reports_schema}}.served_days
-- @description The days whose figures the other views serve: the complete days. While a run rewrites days
--             (late lines, a backfill, a rerun, a day still arriving), the other views are replaced for the
--             run's length by ones that never read those days and fail a query that reaches them, naming the
--             day and the run, rather than serve a day that is half old and half new.
-- @grain      one row per complete event day (UTC).
-- @parameters catalog, ledger_schema, reports_schema (identifiers)
-- @column dt: UTC date of a complete day
SELECT dt
FROM {{catalog}}.{{ledger_schema}}.latest_day_status
WHERE kind = 'event' AND is_complete
