-- @table      {{ledger_schema}}.job_runs
-- @grain      one row per job run: a SQL file executed for a set of partitions, with its outcome.
-- @partitioned_by (none: small, append-only)
-- @parameters catalog, ledger_schema (identifiers)
CREATE TABLE IF NOT EXISTS {{catalog}}.{{ledger_schema}}.job_runs (
    run_id varchar COMMENT 'One transform run; all its jobs share it',
    job varchar COMMENT 'The SQL file that ran, such as marts/fact_requests.sql',
    partitions varchar COMMENT 'The partitions written, such as dt=2026-11-01..2026-11-03',
    rows_written bigint COMMENT 'Rows the statement wrote',
    started_at timestamp(3) COMMENT 'When the job started (UTC)',
    ended_at timestamp(3) COMMENT 'When the job ended (UTC)',
    status varchar COMMENT 'succeeded or failed',
    query_id varchar COMMENT 'Trino query id, to find the query in the Trino UI and logs',
    message varchar COMMENT 'Why the job failed; empty when it succeeded'
)
COMMENT 'Run ledger: every job the transform runner executed'
WITH (format = 'PARQUET')
