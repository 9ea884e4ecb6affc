package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.StatementResult;
import dev.loglake.lake.trino.TrinoSession;
import io.trino.jdbc.QueryStats;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the SQL files of the lake. A model file (a SELECT with {@code @partitioned_by}) gets its table, with
 * the comments of its header, on its first load; every load replaces exactly the partitions its SELECT returns
 * (the session writes with {@code insert_existing_partitions_behavior = OVERWRITE}). Every job is recorded in the
 * ledger, and reports its progress while it runs.
 *
 * <p>Jobs may run at the same time (see {@link ModelGraph}): each load runs on a session of its own, opened with
 * the job's session properties, and the shared session answers only the quick questions about tables.
 */
public final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final TrinoConnections connections;
    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final Ledger ledger;
    /** Tables seen to exist in this run, and their analyzable columns: a run never drops a model's table. */
    private final Set<String> existingTables = ConcurrentHashMap.newKeySet();
    /** Schemas ({@code catalog.schema}) whose tables have been listed into {@link #existingTables}. */
    private final Set<String> listedSchemas = ConcurrentHashMap.newKeySet();
    /** Schemas whose tables {@link #knowTables} gave: every table of theirs is in {@link #existingTables}. */
    private final Set<String> knownSchemas = ConcurrentHashMap.newKeySet();
    /** Whether this runner created a model's table. */
    private volatile boolean createdTables;

    private final Map<String, List<String>> analyzableColumns = new ConcurrentHashMap<>();

    public JobRunner(TrinoConnections connections, TrinoSession trino, LakeSchemas schemas, Ledger ledger) {
        this.connections = requireNonNull(connections, "connections is null");
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
    }

    /** Runs a DDL file (CREATE ... IF NOT EXISTS) as written. */
    public void runDdl(String file) {
        SqlFile sql = SqlFile.load(file);
        trino.query(file, sql.render(parameters(sql, Map.of())));
    }

    /**
     * Loads the model {@code file} for the given partitions: creates its table first if needed (with the
     * comments of the file's header), then INSERTs, overwriting the partitions written.
     *
     * @return the rows written
     */
    public long load(String file, String partitions, Map<String, SqlValue> values) {
        return load(file, partitions, values, Optional.empty());
    }

    /**
     * Like {@link #load}, for a rerun: a rerun must leave the table as a first load of the same input would, and an
     * overwrite replaces only the partitions its SELECT returns, so a day for which the rerun's SELECT returns no
     * rows (a quarantine that became empty, an event day whose late lines are gone) would keep its old rows. Those
     * partitions are dropped after the write, not before: a partition the rerun writes stays in the metastore
     * throughout, so that a reader of the reports views meets the day as "being reloaded"
     * (sql/views/served_days.sql) rather than as a day with no rows.
     *
     * @return the rows written
     */
    public long replace(String file, DayRange days, Map<String, SqlValue> values) {
        return load(file, partitionColumn(SqlFile.load(file)) + "=" + days, values, Optional.of(days));
    }

    private long load(String file, String partitions, Map<String, SqlValue> values, Optional<DayRange> replaced) {
        SqlFile sql = SqlFile.load(file);
        String table = qualifiedTable(sql);
        String select = sql.render(parameters(sql, values));
        // Replace the partitions the SELECT writes, and only those; the ledger's appends must not overwrite.
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(schemas.catalog().name() + ".insert_existing_partitions_behavior", "OVERWRITE");
        properties.putAll(sql.sessionProperties());
        try (TrinoSession job = new TrinoSession(connections, properties)) {
            if (!tableExists(table)) {
                // Not a CTAS: CREATE TABLE can give each column its comment, a CTAS cannot (see TableComments).
                job.query(
                        file,
                        "CREATE TABLE IF NOT EXISTS " + table + " "
                                + TableComments.columnsAndComment(sql, job.columns(file, select))
                                + "\nWITH (" + tableProperties(sql) + ")");
                existingTables.add(table);
                createdTables = true;
            } else if (replaced.isPresent()) {
                StalePartitions stale = StalePartitions.before(job, file, table, partitionColumn(sql), replaced.get());
                StatementResult written = run(job, file, partitions, "INSERT INTO " + table + "\n" + select);
                stale.dropUnwrittenBy(written.queryId());
                return written.rowsWritten();
            }
            return run(job, file, partitions, "INSERT INTO " + table + "\n" + select)
                    .rowsWritten();
        }
    }

    private static String partitionColumn(SqlFile sql) {
        return sql.partitionColumn()
                .orElseThrow(() -> LoglakeException.internal(sql.name() + " has no partition column to replace", null));
    }

    /**
     * Collects statistics for the partitions a load just wrote, for a model whose header asks for it with an
     * {@code @analyze} tag (saying which later query's plan uses them), on every column but timestamps: Trino 476
     * cannot read back the timestamp statistics Hive Metastore 4 stores (trinodb/trino#24988). Measured on a
     * 50,000-request day (sql/README.md, "Statistics"): with and without ANALYZE, every mart's and every report
     * query's plan is the same but fact_requests' join order, which is no faster; so no model asks for it today,
     * and a day saves 24 statements (12 ANALYZE, 12 column look-ups). A load of one day that wrote rows wrote
     * that day's partition; only a range of days needs a look at which partitions exist.
     */
    public void analyze(String file, DayRange days, long rowsWritten) {
        SqlFile sql = SqlFile.load(file);
        if (rowsWritten == 0 || sql.tag("analyze").isEmpty()) {
            return;
        }
        String table = qualifiedTable(sql);
        String partitionColumn = sql.partitionColumn()
                .orElseThrow(() -> LoglakeException.internal(file + " has no partition column to analyze", null));
        String[] parts = table.split("\\.");
        List<String> partitions = days.from().equals(days.to())
                ? List.of(partitionValue(days.from().toString()))
                : writtenPartitions(file, parts, partitionColumn, days);
        List<String> columns = analyzableColumns.computeIfAbsent(table, key -> query(
                        file,
                        "SELECT column_name FROM " + parts[0] + ".information_schema.columns WHERE table_schema = "
                                + new SqlValue.Text(parts[1]).render() + " AND table_name = "
                                + new SqlValue.Text(parts[2]).render()
                                + " AND data_type NOT LIKE 'timestamp%' AND column_name <> "
                                + new SqlValue.Text(partitionColumn).render())
                .rows()
                .stream()
                .map(row -> new SqlValue.Text((String) row.get(0)).render())
                .toList());
        if (partitions.isEmpty() || columns.isEmpty()) {
            return;
        }
        try (TrinoSession job = new TrinoSession(connections)) {
            job.execute(
                    new TrinoSession.Job(
                            file,
                            partitionColumn + "=" + days,
                            "ANALYZE " + table + " WITH (partitions = ARRAY[" + String.join(", ", partitions)
                                    + "], columns = ARRAY[" + String.join(", ", columns) + "])"),
                    stats -> {});
        }
    }

    private List<String> writtenPartitions(String file, String[] parts, String partitionColumn, DayRange days) {
        String from = new SqlValue.Date(days.from()).render();
        String to = new SqlValue.Date(days.to()).render();
        return query(
                        file,
                        "SELECT CAST(" + partitionColumn + " AS varchar) FROM " + parts[0] + "." + parts[1] + ".\""
                                + parts[2] + "$partitions\" WHERE " + partitionColumn + " BETWEEN " + from + " AND "
                                + to)
                .rows()
                .stream()
                .map(row -> partitionValue((String) row.get(0)))
                .toList();
    }

    private static String partitionValue(String value) {
        return "ARRAY[" + new SqlValue.Text(value).render() + "]";
    }

    /**
     * Rebuilds a small unpartitioned model that other jobs and users read while it is rebuilt (the reference list
     * of IP networks). The model's name is a view; each rebuild writes a table of its own, {@code <name>_<version>},
     * then points the view at it with CREATE OR REPLACE VIEW, which the metastore applies at once. A reader thus
     * sees the old rows or the new ones, never a missing or empty table (a DROP and CREATE left both windows open,
     * and a fact job reading then wrote country 'unknown'). The previous version is kept, so that a query that
     * started on it before the switch can finish; older ones are dropped.
     */
    private void rebuildBehindView(String file, String version, String builtFrom) {
        SqlFile sql = SqlFile.load(file);
        String view = qualifiedTable(sql);
        String table = view + "_" + version;
        String select = sql.render(parameters(sql, Map.of()));
        trino.query(
                file,
                "CREATE TABLE " + table + " " + TableComments.columnsAndComment(sql, trino.columns(file, select))
                        + "\nWITH (format = 'PARQUET')");
        run(trino, file, "whole table", "INSERT INTO " + table + "\n" + select);
        // An INSERT into an unpartitioned table rewrites its parameters, comment included: BI tools list it too.
        trino.query(
                file,
                "COMMENT ON TABLE " + table + " IS "
                        + new SqlValue.Text(sql.tableComment().orElse("")).render());
        if (isBaseTable(view)) {
            // A lake from before views: the one time its readers see the name missing, for two statements.
            trino.query(file, "DROP TABLE " + view);
        }
        String body = "SELECT * FROM " + table;
        trino.query(
                file,
                "CREATE OR REPLACE VIEW " + view + " COMMENT "
                        + new SqlValue.Text(Views.comment(sql, body) + builtFrom).render() + " AS " + body);
        List<String> versions = versionsOf(view);
        for (String old : versions.subList(0, Math.max(0, versions.size() - 2))) {
            trino.query(file, "DROP TABLE IF EXISTS " + old);
        }
    }

    /**
     * {@link #rebuildBehindView}, unless the view was built from the same inputs: the model's SQL and
     * {@code objects}, a fingerprint of the objects it reads. The view's comment ends with the fingerprint of both.
     * The reference list changes when its objects do, which is rare; rebuilding it on every run cost nine
     * statements.
     *
     * @param metadata the run's read of the catalog, which holds the view's comment
     * @return whether it was rebuilt
     */
    public boolean rebuildBehindViewIfChanged(String file, String version, String objects, LakeMetadata metadata) {
        SqlFile sql = SqlFile.load(file);
        String builtFrom =
                " Built from inputs " + Views.version(sql.render(parameters(sql, Map.of())) + "\n" + objects) + ".";
        String[] view = qualifiedTable(sql).split("\\.");
        if (metadata.comments().getOrDefault(view[1] + "." + view[2], "").endsWith(builtFrom)) {
            return false;
        }
        rebuildBehindView(file, version, builtFrom);
        return true;
    }

    private boolean isBaseTable(String qualified) {
        String[] parts = qualified.split("\\.");
        return trino
                .query(
                        "information_schema",
                        "SELECT table_type FROM " + parts[0] + ".information_schema.tables WHERE table_schema = "
                                + new SqlValue.Text(parts[1]).render() + " AND table_name = "
                                + new SqlValue.Text(parts[2]).render())
                .rows()
                .stream()
                .anyMatch(row -> "BASE TABLE".equals(row.get(0)));
    }

    /** The versions of a view's table, oldest first (a version begins with its run's start time). */
    private List<String> versionsOf(String view) {
        String[] parts = view.split("\\.");
        Pattern version = Pattern.compile(Pattern.quote(parts[2]) + "_\\d{8}t\\d{6}z_[0-9a-f]+");
        return trino
                .query(
                        "information_schema",
                        "SELECT table_name FROM " + parts[0] + ".information_schema.tables WHERE table_schema = "
                                + new SqlValue.Text(parts[1]).render() + " AND table_type = 'BASE TABLE'")
                .rows()
                .stream()
                .map(row -> (String) row.get(0))
                .filter(name -> version.matcher(name).matches())
                .sorted()
                .map(name -> parts[0] + "." + parts[1] + "." + name)
                .toList();
    }

    /** A quick question about tables, on the shared session: one at a time, whichever job asks. */
    private synchronized StatementResult query(String file, String sql) {
        return trino.query(file, sql);
    }

    private StatementResult run(TrinoSession session, String file, String partitions, String statement) {
        Instant started = Instant.now();
        ProgressLine progress = new ProgressLine(file, partitions, started);
        try {
            StatementResult result =
                    session.execute(new TrinoSession.Job(file, partitions, statement), progress::update);
            Instant ended = Instant.now();
            ledger.recordJob(file, partitions, result.rowsWritten(), started, ended, result.queryId(), "");
            log.info(
                    "{} [{}]: {} rows written in {} s (query {})",
                    file,
                    partitions,
                    String.format("%,d", result.rowsWritten()),
                    String.format("%.1f", Duration.between(started, ended).toMillis() / 1000.0),
                    result.queryId());
            return result;
        } catch (LoglakeException e) {
            recordFailure(file, partitions, started, progress.queryId(), e.getMessage());
            throw e;
        }
    }

    private void recordFailure(String file, String partitions, Instant started, String queryId, String message) {
        try {
            ledger.recordJob(file, partitions, 0, started, Instant.now(), queryId, message);
        } catch (LoglakeException ledgerFailure) {
            // Trino itself may be what failed; the original error is the one the user needs.
            log.warn("Could not record the failed job in the ledger: {}", ledgerFailure.getMessage());
        }
    }

    private Map<String, SqlValue> parameters(SqlFile sql, Map<String, SqlValue> values) {
        Map<String, SqlValue> all = new HashMap<>(schemas.parameters());
        all.putAll(values);
        all.keySet().retainAll(sql.parameters());
        return all;
    }

    private String qualifiedTable(SqlFile sql) {
        String declared = sql.tag("table")
                .orElseThrow(() -> LoglakeException.internal("SQL file " + sql.name() + " has no @table tag", null));
        String rendered =
                new SqlFile(sql.name(), declared).render(parameters(new SqlFile(sql.name(), declared), Map.of()));
        return schemas.catalog().render() + "." + rendered;
    }

    private static String tableProperties(SqlFile sql) {
        return sql.partitionColumn()
                .map(column -> "format = 'PARQUET', partitioned_by = ARRAY['" + column + "']")
                .orElse("format = 'PARQUET'");
    }

    /**
     * The tables the run's read of the catalog found in these schemas: {@link #tableExists} answers from them and
     * from the tables this runner creates, without a query (the run holds the writer lease: no one else creates or
     * drops the lake's tables meanwhile).
     */
    void knowTables(LakeMetadata metadata, List<SqlValue.Identifier> schemasRead) {
        for (SqlValue.Identifier schema : schemasRead) {
            metadata.tables(schema).forEach(table -> existingTables.add(schemas.table(schema, table)));
            knownSchemas.add(schemas.catalog().render() + "." + schema.render());
        }
    }

    /** Whether this runner created a table: the catalog read at the run's start no longer describes the lake. */
    boolean createdTables() {
        return createdTables;
    }

    /**
     * Whether the table exists: known for the schemas of {@link #knowTables}; otherwise the first question about a
     * schema lists its tables in one query, and a table missing from that list is asked about on its own later.
     */
    synchronized boolean tableExists(String qualifiedTable) {
        if (existingTables.contains(qualifiedTable)) {
            return true;
        }
        String[] parts = qualifiedTable.split("\\.");
        String schema = parts[0] + "." + parts[1];
        if (knownSchemas.contains(schema)) {
            return false;
        }
        if (listedSchemas.add(schema)) {
            trino.query(
                            "information_schema",
                            "SELECT table_name FROM " + parts[0] + ".information_schema.tables WHERE table_schema = "
                                    + new SqlValue.Text(parts[1]).render())
                    .rows()
                    .forEach(row -> existingTables.add(schema + "." + row.get(0)));
            return existingTables.contains(qualifiedTable);
        }
        StatementResult result = trino.query(
                "information_schema",
                "SELECT count(*) FROM " + parts[0] + ".information_schema.tables WHERE table_schema = "
                        + new SqlValue.Text(parts[1]).render() + " AND table_name = "
                        + new SqlValue.Text(parts[2]).render());
        boolean exists = result.singleLong() > 0;
        if (exists) {
            existingTables.add(qualifiedTable);
        }
        return exists;
    }

    /** Logs a job's progress at most every few seconds: rows processed, Trino's own percentage, elapsed. */
    private static final class ProgressLine {
        private final String file;
        private final String partitions;
        private final Instant started;
        private volatile String queryId = "(not started)";
        private Instant lastPrinted;

        ProgressLine(String file, String partitions, Instant started) {
            this.file = file;
            this.partitions = partitions;
            this.started = started;
            this.lastPrinted = started;
        }

        void update(QueryStats stats) {
            queryId = stats.getQueryId();
            Instant now = Instant.now();
            if (Duration.between(lastPrinted, now).compareTo(PROGRESS_INTERVAL) < 0) {
                return;
            }
            lastPrinted = now;
            log.info(
                    "{} [{}]: {}, {} rows read, {}% done, {} s",
                    file,
                    partitions,
                    stats.getState().toLowerCase(java.util.Locale.ROOT),
                    String.format("%,d", stats.getProcessedRows()),
                    stats.getProgressPercentage().isPresent()
                            ? String.format(
                                    "%.0f", stats.getProgressPercentage().getAsDouble())
                            : "?",
                    Duration.between(started, now).toSeconds());
        }

        String queryId() {
            return queryId;
        }
    }
}
