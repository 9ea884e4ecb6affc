package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.StatementResult;
import dev.loglake.lake.trino.TrinoSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The run ledger in the lake: every job run, and the status of every day.
 *
 * <p>Succeeded jobs are written in one INSERT before the next final day status (partial, complete, failed), not one
 * INSERT each: every INSERT is a Trino statement and a file, and a day's 14 jobs cost 2-3 s that way. Nothing a
 * rerun needs is lost if the run dies before the write: a day's status says "loading" until its jobs are written,
 * so it is loaded again. A failed job is written at once, with the pending ones.
 */
public final class Ledger {
    /** Which side of the lake a day status is about. */
    public enum DayKind {
        ARRIVAL,
        EVENT
    }

    /**
     * A day's status. Reports read only complete days. A partial day loaded without error, but more of its lines
     * may still arrive (its raw day is open, see {@link DayClosure}) or its own raw day was never loaded.
     */
    public enum DayStatus {
        LOADING,
        PARTIAL,
        COMPLETE,
        FAILED
    }

    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final String runId;
    /** Rows of job_runs not yet written, rendered. */
    private final List<String> pendingJobs = new ArrayList<>();
    /**
     * Every day's latest status by kind: read once, on the first question, then kept up to date with this run's own
     * writes. No one else writes the ledger while the run holds the writer lease.
     */
    private Map<DayKind, SortedMap<LocalDate, DayStatus>> known;

    public Ledger(TrinoSession trino, LakeSchemas schemas, String runId) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.runId = requireNonNull(runId, "runId is null");
    }

    public String runId() {
        return runId;
    }

    /** Records a job: a failed one (a message) at once, a succeeded one with the next day status or flush. */
    public synchronized void recordJob(
            String job,
            String partitions,
            long rowsWritten,
            Instant started,
            Instant ended,
            String queryId,
            String message) {
        pendingJobs.add("("
                + String.join(
                        ", ",
                        new SqlValue.Text(runId).render(),
                        new SqlValue.Text(job).render(),
                        new SqlValue.Text(partitions).render(),
                        new SqlValue.Integer(rowsWritten).render(),
                        new SqlValue.Timestamp(started).render(),
                        new SqlValue.Timestamp(ended).render(),
                        new SqlValue.Text(message.isEmpty() ? "succeeded" : "failed").render(),
                        new SqlValue.Text(queryId).render(),
                        new SqlValue.Text(message).render())
                + ")");
        if (!message.isEmpty()) {
            flush();
        }
    }

    /** Writes the jobs recorded since the last write. */
    public synchronized void flush() {
        if (pendingJobs.isEmpty()) {
            return;
        }
        trino.query(
                "ledger/job_runs.sql",
                "INSERT INTO " + table("job_runs") + " VALUES " + String.join(", ", pendingJobs));
        pendingJobs.clear();
    }

    /** Sets the days' status, after writing the jobs recorded so far: a complete day's jobs are in the ledger. */
    public synchronized void setDays(DayKind kind, Collection<LocalDate> days, DayStatus status) {
        setDays(Map.of(kind, days), status);
    }

    /** Sets the status of days of several kinds in one INSERT (a statement and a file fewer per kind). */
    public synchronized void setDays(Map<DayKind, ? extends Collection<LocalDate>> days, DayStatus status) {
        Map<DayKind, Map<LocalDate, DayStatus>> statuses = new TreeMap<>();
        days.forEach((kind, kindDays) -> kindDays.forEach(
                day -> statuses.computeIfAbsent(kind, key -> new TreeMap<>()).put(day, status)));
        setStatuses(statuses);
    }

    /**
     * Sets each day's own status, all kinds in one INSERT. The jobs recorded so far are written first when a day
     * becomes final (partial, complete or failed); "loading" needs none, so the jobs wait for the next write.
     */
    public synchronized void setStatuses(Map<DayKind, ? extends Map<LocalDate, DayStatus>> statuses) {
        boolean anyFinal = statuses.values().stream()
                .flatMap(kindDays -> kindDays.values().stream())
                .anyMatch(status -> status != DayStatus.LOADING);
        if (anyFinal) {
            flush();
        }
        Instant now = Instant.now();
        List<String> rows = new ArrayList<>();
        new TreeMap<>(statuses).forEach((kind, kindDays) -> new TreeMap<>(kindDays)
                .entrySet().stream()
                        .map(day -> "("
                                + String.join(
                                        ", ",
                                        new SqlValue.Text(kind.name().toLowerCase(java.util.Locale.ROOT)).render(),
                                        new SqlValue.Date(day.getKey()).render(),
                                        new SqlValue.Text(day.getValue().name().toLowerCase(java.util.Locale.ROOT))
                                                .render(),
                                        new SqlValue.Text(runId).render(),
                                        new SqlValue.Timestamp(now).render())
                                + ")")
                        .forEach(rows::add));
        if (rows.isEmpty()) {
            return;
        }
        trino.query(
                "ledger/day_status.sql", "INSERT INTO " + table("day_status") + " VALUES " + String.join(", ", rows));
        if (known != null) {
            statuses.forEach((kind, kindDays) -> known.get(kind).putAll(kindDays));
        }
    }

    /** Every day of the kind that the ledger knows, with its latest status, as ledger/latest_day_status.sql says. */
    public synchronized SortedMap<LocalDate, DayStatus> statuses(DayKind kind) {
        if (known == null) {
            known = readStatuses();
        }
        return new TreeMap<>(known.get(kind));
    }

    /** Both kinds' statuses in one query. */
    private Map<DayKind, SortedMap<LocalDate, DayStatus>> readStatuses() {
        StatementResult result = trino.query(
                "ledger/latest_day_status.sql", "SELECT kind, dt, status FROM " + table("latest_day_status"));
        Map<DayKind, SortedMap<LocalDate, DayStatus>> statuses = new EnumMap<>(DayKind.class);
        for (DayKind kind : DayKind.values()) {
            statuses.put(kind, new TreeMap<>());
        }
        result.rows().forEach(row -> statuses.get(DayKind.valueOf(((String) row.get(0)).toUpperCase(Locale.ROOT)))
                .put(
                        ((java.sql.Date) row.get(1)).toLocalDate(),
                        DayStatus.valueOf(((String) row.get(2)).toUpperCase(Locale.ROOT))));
        return statuses;
    }

    private String table(String name) {
        return schemas.table(schemas.ledger(), name);
    }
}
