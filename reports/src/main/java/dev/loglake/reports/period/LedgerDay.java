package dev.loglake.reports.period;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What the ledger says of one event day when a report reads it (sql/reports/period_days.sql): its latest status,
 * when and by which run it was set, and whether it is being reloaded (it was complete and is written again).
 */
public record LedgerDay(LocalDate dt, String status, String updatedAt, String runId, boolean reloading) {
    public LedgerDay {
        requireNonNull(dt, "dt is null");
        requireNonNull(status, "status is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(runId, "runId is null");
    }
}
