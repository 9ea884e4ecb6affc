package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the readers of days about to be rewritten finish first.
 *
 * <p>While a run rewrites days, the reports views never read them ({@link Views#guard}). That holds for a query
 * that began after the views were guarded. A query that began before may have listed the days' files already, and
 * would read them while they are replaced (half old, half new) or fail on a file removed under it. So once the
 * views are guarded, the run waits for every other query on the lake's marts or reports that began before, up to
 * transform.reader-drain-seconds; a query still running then is stopped with a message that says why, as a reader
 * should rather fail than read a mix.
 */
final class ReaderDrain {
    /** The source the transform's own connections name (see TrinoConnections#withSource). */
    static final String SOURCE = TransformRunner.TRINO_SOURCE;

    private static final Logger log = LoggerFactory.getLogger(ReaderDrain.class);
    private static final long POLL_MILLIS = 250;

    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final Duration bound;

    ReaderDrain(TrinoSession trino, LakeSchemas schemas, Duration bound) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.bound = requireNonNull(bound, "bound is null");
    }

    /**
     * Waits until no query that began before now reads the lake's marts or reports, other than this run's; stops
     * those still running after the bound. Call it right after the views are guarded.
     */
    void await(SortedSet<LocalDate> reloaded, String runId) {
        // One query asks for the readers and notes when it began, which is when the views were guarded (it runs
        // right after): later polls ask for the readers begun before that same instant.
        List<List<Object>> first =
                trino.query("reader drain", readersQuery("current_timestamp")).rows();
        String guardedAt = (String) first.get(0).get(0);
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> readers = queryIds(first);
        if (readers.isEmpty()) {
            return;
        }
        log.info(
                "Waiting up to {} s for {} quer(ies) begun before the views stopped serving day(s) {}: {}",
                bound.toSeconds(),
                readers.size(),
                DayRange.consecutive(reloaded),
                String.join(", ", readers));
        while (!readers.isEmpty() && System.nanoTime() < deadline) {
            pause();
            readers = queryIds(trino.query(
                            "reader drain",
                            readersQuery("from_iso8601_timestamp(" + new SqlValue.Text(guardedAt).render() + ")"))
                    .rows());
        }
        for (String queryId : readers) {
            kill(queryId, reloaded, runId);
        }
    }

    /**
     * One row: the instant the query began (ISO 8601) and the ids of the running queries on the marts or reports
     * schemas begun before {@code before} (a SQL timestamp), not this run's; an aggregate, so there is a row when
     * there are no such queries.
     */
    private String readersQuery(String before) {
        String marts = schemas.schema("marts").name().toLowerCase(Locale.ROOT);
        String reports = schemas.schema("reports").name().toLowerCase(Locale.ROOT);
        return "SELECT to_iso8601(current_timestamp), array_join(array_agg(query_id), ',')"
                + " FROM system.runtime.queries WHERE state NOT IN ('FINISHED', 'FAILED')"
                + " AND created < " + before
                + " AND coalesce(source, '') <> " + new SqlValue.Text(SOURCE).render()
                + " AND (strpos(lower(query), " + new SqlValue.Text(marts + ".").render() + ") > 0"
                + " OR strpos(lower(query), " + new SqlValue.Text(reports + ".").render() + ") > 0)";
    }

    private static List<String> queryIds(List<List<Object>> rows) {
        String ids = (String) rows.get(0).get(1);
        return ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }

    private void kill(String queryId, SortedSet<LocalDate> reloaded, String runId) {
        String message = "loglake transform run " + runId + " reloads day(s) " + DayRange.consecutive(reloaded)
                + ": this query began before and ran longer than transform.reader-drain-seconds (" + bound.toSeconds()
                + " s), so it was stopped rather than left to read files being replaced. Run it again when that run"
                + " ends.";
        try {
            trino.query(
                    "reader drain",
                    "CALL system.runtime.kill_query(query_id => " + new SqlValue.Text(queryId).render()
                            + ", message => " + new SqlValue.Text(message).render() + ")");
            log.warn(
                    "Stopped query {}: it still read the lake {} s after the reload began", queryId, bound.toSeconds());
        } catch (RuntimeException e) {
            // It may have ended since; or this user may not stop others' queries. The reload goes on either way.
            log.warn("Could not stop query {}: {}", queryId, e.getMessage());
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the readers of the lake", e);
        }
    }
}
