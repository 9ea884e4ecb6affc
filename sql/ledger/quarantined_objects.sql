-- @table      {{ledger_schema}}.quarantined_objects
-- @grain      one row per raw object that could not be read at all and was moved out of the raw layout.
-- @partitioned_by (none: small, append-only)
-- @parameters catalog, ledger_schema (identifiers)
--
-- Trino fails a whole statement on one unreadable object (a truncated gzip stream, a .gz that is not gzip).
-- The runner then moves that object to quarantine/objects/<its key> in the raw bucket, records it here and
-- loads the rest of the day; its lines are counted nowhere else. Put a repaired object back under its key
-- and load the day again ('loglake transform --date D') to load its lines.
CREATE TABLE IF NOT EXISTS {{catalog}}.{{ledger_schema}}.quarantined_objects (
    arrival_dt date COMMENT 'The raw (arrival) day the object was in',
    object_key varchar COMMENT 'Where the object was: s3://bucket/access/combined/dt=.../hour=.../name',
    quarantined_as varchar COMMENT 'Where it is now: s3://bucket/quarantine/objects/...',
    reason varchar COMMENT 'Why it could not be read, e.g. truncated gzip stream',
    run_id varchar COMMENT 'The transform run that quarantined it',
    quarantined_at timestamp(3) COMMENT 'When (UTC)'
)
COMMENT 'Raw objects that could not be read and were set aside, with the reason'
WITH (format = 'PARQUET')
