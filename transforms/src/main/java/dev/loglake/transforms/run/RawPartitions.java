package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the raw tables' new partitions (format, site, day and hour folders) with the metastore: each format's
 * into its raw table (log_lines for the text formats, log_records for Parquet). The format
 * folders are not named {@code log_format=...}, so Trino's {@code sync_partition_metadata} cannot find them:
 * each partition is one {@code register_partition} call, a round trip through Trino to the metastore (about 70 ms).
 *
 * <p>A closed day (no more lines expected, see {@link DayClosure}) is one partition per source, its day folder,
 * whose hour folders the catalog reads recursively ({@code hive.recursive-directories}): one call a day instead of
 * 24, and a backfill of 105 days registers 105 partitions, not 2,520. A day still open keeps one partition per hour
 * folder present when the run began, so that an hour landing during the run is not read by one statement and
 * missed by the next (the parse and the lines-conserved check read the same partitions). A day registered by hours
 * while open stays so once closed (its day folder as well would read every hour twice); one registered whole stays
 * whole. The calls are spread over {@code concurrency} sessions, so a backfill waits for the metastore in parallel.
 */
final class RawPartitions {
    private static final Logger log = LoggerFactory.getLogger(RawPartitions.class);

    private final TrinoConnections connections;
    private final LakeSchemas schemas;
    private final Map<String, String> tables;
    private final int concurrency;

    /** {@code tables}: the raw table of each declared format ({@link ModelCatalog#rawTables()}). */
    RawPartitions(TrinoConnections connections, LakeSchemas schemas, Map<String, String> tables, int concurrency) {
        this.connections = requireNonNull(connections, "connections is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.tables = Map.copyOf(requireNonNull(tables, "tables is null"));
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /**
     * Registers every partition of {@code days} in {@code raw} that the metastore does not know yet: a whole day
     * folder for the {@code closed} days (but those already registered by hours), hour folders for the others.
     */
    void register(TrinoSession trino, RawDays raw, SortedSet<LocalDate> days, Set<LocalDate> closed) {
        Set<String> known = known(trino, new TreeSet<>(tables.values()), days);
        List<Call> calls = new ArrayList<>();
        int wholeDays = 0;
        for (RawDays.Partition partition : raw.partitions(days, registeredWhole(known, closed))) {
            if (!known.contains(partition.key())) {
                calls.add(call(partition));
                wholeDays += partition.hour().equals(RawDays.WHOLE_DAY) ? 1 : 0;
            }
        }
        if (calls.size() <= 1 || concurrency == 1) {
            calls.forEach(call -> call.run(trino));
        } else {
            runConcurrently(calls);
        }
        log.info(
                "Registered {} new raw partition(s): {} whole day folder(s), {} hour folder(s) of days still open or"
                        + " registered by hours before",
                calls.size(),
                wholeDays,
                calls.size() - wholeDays);
        unregisterGone(trino, raw, known);
    }

    /**
     * Whether a source's day is registered as its day folder: a closed day, unless it was registered by hours while
     * open (its day folder as well would read every hour twice); once whole, always whole. {@code known}: the
     * registered partitions' keys, {@code format/site/day/hour}.
     */
    static BiPredicate<RawDays.Source, LocalDate> registeredWhole(Set<String> known, Set<LocalDate> closed) {
        Set<String> byHours = new TreeSet<>();
        Set<String> whole = new TreeSet<>();
        for (String key : known) {
            String sourceDay = key.substring(0, key.lastIndexOf('/'));
            String hour = key.substring(key.lastIndexOf('/') + 1);
            if (hour.equals(RawDays.WHOLE_DAY)) {
                whole.add(sourceDay);
            } else if (hour.matches("[0-2][0-9]")) {
                byHours.add(sourceDay);
            }
        }
        return (source, day) -> {
            String sourceDay = source.format() + "/" + source.site() + "/" + day;
            return whole.contains(sourceDay) || (closed.contains(day) && !byHours.contains(sourceDay));
        };
    }

    /**
     * Unregisters the known partitions of these days whose source is gone: a source read in place that was removed
     * ({@code loglake source remove}), whose partitions point at its own bucket. Without this, a reload of those
     * days would still read its logs. Only the metastore's entry goes; the logs stay where they are.
     */
    private void unregisterGone(TrinoSession trino, RawDays raw, Set<String> known) {
        Set<String> sources = new TreeSet<>();
        raw.daysPerSource().keySet().forEach(source -> sources.add(source.format() + "/" + source.site()));
        List<Call> gone = known.stream()
                .filter(key -> !sources.contains(key.substring(0, key.indexOf('/', key.indexOf('/') + 1))))
                .map(key -> unregister(key.split("/", -1)))
                .toList();
        gone.forEach(call -> call.run(trino));
        if (!gone.isEmpty()) {
            log.info("Unregistered {} raw partition(s) of sources that no longer exist (source remove)", gone.size());
        }
    }

    /** One register_partition call, with the file of the table it registers into (for the ledger and messages). */
    private record Call(String file, String sql) {
        void run(TrinoSession trino) {
            trino.query(file, sql);
        }
    }

    /**
     * The known partitions of the raw tables, keyed as {@link RawDays.Partition#key()}, in one query over their
     * {@code $partitions} tables. The table of the text formats has the format as a column; a table of its own holds
     * one format (parquet), which is not a column of it.
     */
    private Set<String> known(TrinoSession trino, Set<String> rawTables, SortedSet<LocalDate> days) {
        String sql = rawTables.stream()
                .map(table -> "SELECT "
                        + (textTable(table) ? "log_format" : new SqlValue.Text(formatOf(table)).render())
                        + ", site, dt, hour FROM "
                        + schemas.table(schemas.raw(), "\"" + table + "$partitions\"")
                        + " WHERE dt BETWEEN "
                        + new SqlValue.Text(days.first().toString()).render() + " AND "
                        + new SqlValue.Text(days.last().toString()).render())
                .collect(Collectors.joining("\nUNION ALL\n"));
        Set<String> known = new TreeSet<>();
        trino.query("raw partitions", sql)
                .rows()
                .forEach(row -> known.add(row.get(0) + "/" + row.get(1) + "/" + row.get(2) + "/" + row.get(3)));
        return known;
    }

    /** The unregister_partition call of a known partition, {@code format, site, dt, hour}. */
    private Call unregister(String[] partition) {
        String table = tableOf(partition[0]);
        return new Call(
                file(table),
                "CALL " + schemas.catalog().render() + ".system.unregister_partition("
                        + new SqlValue.Text(schemas.raw().name()).render() + ", " + new SqlValue.Text(table).render()
                        + ", " + partitionArrays(table, partition[0], partition[1], partition[2], partition[3]) + ")");
    }

    private Call call(RawDays.Partition partition) {
        String table = tableOf(partition.format());
        return new Call(
                file(table),
                "CALL " + schemas.catalog().render() + ".system.register_partition("
                        + new SqlValue.Text(schemas.raw().name()).render() + ", " + new SqlValue.Text(table).render()
                        + ", "
                        + partitionArrays(
                                table,
                                partition.format(),
                                partition.site(),
                                partition.day().toString(),
                                partition.hour())
                        + ", " + new SqlValue.Text(partition.location()).render() + ")");
    }

    /**
     * The partition's columns and values, {@code ARRAY['site', 'dt', 'hour'], ARRAY[...]}; the table of the text
     * formats has the format as its first partition column, a table of its own (parquet) does not.
     */
    private static String partitionArrays(String table, String format, String site, String day, String hour) {
        List<String> columns = new ArrayList<>(List.of("'site'", "'dt'", "'hour'"));
        List<String> values = new ArrayList<>(List.of(
                new SqlValue.Text(site).render(), new SqlValue.Text(day).render(), new SqlValue.Text(hour).render()));
        if (textTable(table)) {
            columns.add(0, "'log_format'");
            values.add(0, new SqlValue.Text(format).render());
        }
        return "ARRAY[" + String.join(", ", columns) + "], ARRAY[" + String.join(", ", values) + "]";
    }

    private String tableOf(String format) {
        String table = tables.get(format);
        if (table == null) {
            throw LoglakeException.internal(
                    "Raw partitions of format '" + format + "', which has no raw table; expected one of "
                            + new TreeSet<>(tables.keySet()),
                    null);
        }
        return table;
    }

    private static boolean textTable(String table) {
        return table.equals(ModelCatalog.TEXT_RAW_TABLE);
    }

    private static String file(String table) {
        return "raw/" + table + ".sql";
    }

    /** The one format of a raw table of its own. */
    private String formatOf(String table) {
        List<String> formats = tables.entrySet().stream()
                .filter(entry -> entry.getValue().equals(table))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (formats.size() != 1) {
            throw LoglakeException.internal(
                    "Raw table " + table + " has no log_format column but is read by formats " + formats
                            + ": expected exactly one",
                    null);
        }
        return formats.get(0);
    }

    /** Each of {@code concurrency} sessions takes every n-th call; the first failure fails the registration. */
    private void runConcurrently(List<Call> calls) {
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
                            calls.get(index).run(session);
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
