package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the raw table's new partitions (format, site, day and hour folders) with the metastore. The format
 * folders are not named {@code log_format=...}, so Trino's {@code sync_partition_metadata} cannot find them:
 * each partition is one {@code register_partition} call, a round trip through Trino to the metastore. The calls
 * are spread over {@code concurrency} sessions, so a backfill of months of hours waits for the metastore in
 * parallel rather than once per hour in a row.
 */
final class RawPartitions {
    static final String TABLE = "log_lines";
    static final String TABLE_FILE = "raw/log_lines.sql";

    private static final Logger log = LoggerFactory.getLogger(RawPartitions.class);

    private final TrinoConnections connections;
    private final LakeSchemas schemas;
    private final int concurrency;

    RawPartitions(TrinoConnections connections, LakeSchemas schemas, int concurrency) {
        this.connections = requireNonNull(connections, "connections is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /** Registers every partition of {@code days} in {@code raw} that the metastore does not know yet. */
    void register(TrinoSession trino, RawDays raw, SortedSet<LocalDate> days) {
        Set<String> known = known(trino, days);
        List<String> calls = new ArrayList<>();
        for (RawDays.Partition partition : raw.partitions(days)) {
            if (!known.contains(partition.key())) {
                calls.add(call(partition));
            }
        }
        if (calls.size() <= 1 || concurrency == 1) {
            calls.forEach(call -> trino.query(TABLE_FILE, call));
        } else {
            runConcurrently(calls);
        }
        log.info("Registered {} new raw partition(s) (format, site, day and hour folders)", calls.size());
    }

    private Set<String> known(TrinoSession trino, SortedSet<LocalDate> days) {
        Set<String> known = new TreeSet<>();
        trino.query(
                        TABLE_FILE,
                        "SELECT log_format, site, dt, hour FROM "
                                + schemas.table(schemas.raw(), "\"" + TABLE + "$partitions\"")
                                + " WHERE dt BETWEEN "
                                + new SqlValue.Text(days.first().toString()).render() + " AND "
                                + new SqlValue.Text(days.last().toString()).render())
                .rows()
                .forEach(row -> known.add(row.get(0) + "/" + row.get(1) + "/" + row.get(2) + "/" + row.get(3)));
        return known;
    }

    private String call(RawDays.Partition partition) {
        return "CALL " + schemas.catalog().render() + ".system.register_partition("
                + new SqlValue.Text(schemas.raw().name()).render() + ", " + new SqlValue.Text(TABLE).render()
                + ", ARRAY['log_format', 'site', 'dt', 'hour'], ARRAY["
                + String.join(
                        ", ",
                        new SqlValue.Text(partition.format()).render(),
                        new SqlValue.Text(partition.site()).render(),
                        new SqlValue.Text(partition.day().toString()).render(),
                        new SqlValue.Text(partition.hour()).render())
                + "], " + new SqlValue.Text(partition.location()).render() + ")";
    }

    /** Each of {@code concurrency} sessions takes every n-th call; the first failure fails the registration. */
    private void runConcurrently(List<String> calls) {
        int sessions = Math.min(concurrency, calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(sessions, runnable -> {
            Thread thread = new Thread(runnable, "loglake-register");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> slices = new ArrayList<>();
            for (int slice = 0; slice < sessions; slice++) {
                int first = slice;
                slices.add(pool.submit(() -> {
                    try (TrinoSession session = new TrinoSession(connections)) {
                        for (int index = first; index < calls.size(); index += sessions) {
                            session.query(TABLE_FILE, calls.get(index));
                        }
                    }
                }));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : LoglakeException.internal("Registering the raw partitions failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while the raw partitions were registered", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
