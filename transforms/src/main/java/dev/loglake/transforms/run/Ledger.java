package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.transforms.sql.SqlValue;
import dev.loglake.transforms.trino.StatementResult;
import dev.loglake.transforms.trino.TrinoSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The run ledger in the lake: every job run, and the status of every day. */
public final class Ledger {
    /** Which side of the lake a day status is about. */
    public enum DayKind {
        ARRIVAL,
        EVENT
    }

    /** A day's status. Reports read only complete days. */
    public enum DayStatus {
        LOADING,
        COMPLETE,
        FAILED
    }

    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final String runId;

    public Ledger(TrinoSession trino, LakeSchemas schemas, String runId) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.runId = requireNonNull(runId, "runId is null");
    }

    public String runId() {
        return runId;
    }

    public void recordJob(
            String job,
            String partitions,
            long rowsWritten,
            Instant started,
            Instant ended,
            String queryId,
            String message) {
        String values = String.join(
                ", ",
                new SqlValue.Text(runId).render(),
                new SqlValue.Text(job).render(),
                new SqlValue.Text(partitions).render(),
                new SqlValue.Integer(rowsWritten).render(),
                new SqlValue.Timestamp(started).render(),
                new SqlValue.Timestamp(ended).render(),
                new SqlValue.Text(message.isEmpty() ? "succeeded" : "failed").render(),
                new SqlValue.Text(queryId).render(),
                new SqlValue.Text(message).render());
        trino.query("ledger/job_runs.sql", "INSERT INTO " + table("job_runs") + " VALUES (" + values + ")");
    }

    public void setDays(DayKind kind, Collection<LocalDate> days, DayStatus status) {
        if (days.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String rows = days.stream()
                .sorted()
                .map(day -> "("
                        + String.join(
                                ", ",
                                new SqlValue.Text(kind.name().toLowerCase(java.util.Locale.ROOT)).render(),
                                new SqlValue.Date(day).render(),
                                new SqlValue.Text(status.name().toLowerCase(java.util.Locale.ROOT)).render(),
                                new SqlValue.Text(runId).render(),
                                new SqlValue.Timestamp(now).render())
                        + ")")
                .collect(Collectors.joining(", "));
        trino.query("ledger/day_status.sql", "INSERT INTO " + table("day_status") + " VALUES " + rows);
    }

    /** The days whose latest status is complete. */
    public SortedSet<LocalDate> completeDays(DayKind kind) {
        StatementResult result = trino.query(
                "ledger/day_status.sql",
                "SELECT dt FROM (SELECT dt, max_by(status, updated_at) AS status FROM " + table("day_status")
                        + " WHERE kind = " + new SqlValue.Text(kind.name().toLowerCase(java.util.Locale.ROOT)).render()
                        + " GROUP BY dt) WHERE status = 'complete'");
        SortedSet<LocalDate> days = new TreeSet<>();
        result.rows().forEach(row -> days.add(((java.sql.Date) row.get(0)).toLocalDate()));
        return days;
    }

    private String table(String name) {
        return schemas.table(schemas.ledger(), name);
    }
}
