package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.RetryPolicy;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.LakeClients;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.ResultRows;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import dev.loglake.transforms.run.TransformSummary;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The bench's own corner of the stack: two buckets named after the bench and schemas with its prefix, so that
 * it never reads or writes a user's lake. Several lakes ("roles") share the raw bucket: each first-day run
 * gets an empty lake of its own, the incremental runs share one.
 */
public final class BenchLake {
    private static final Logger log = LoggerFactory.getLogger(BenchLake.class);

    private final Settings settings;
    private final BenchOptions options;
    private final S3Client s3;

    public BenchLake(Settings settings, BenchOptions options, S3Client s3) {
        this.settings = requireNonNull(settings, "settings is null");
        this.options = requireNonNull(options, "options is null");
        this.s3 = requireNonNull(s3, "s3 is null");
    }

    public BenchOptions options() {
        return options;
    }

    public S3Client s3() {
        return s3;
    }

    /** The settings of one of the bench's lakes. */
    public Settings settings(String role) {
        Map<String, String> lake = new java.util.HashMap<>(Map.of(
                LakeConfig.RAW_BUCKET, options.rawBucket(),
                LakeConfig.WAREHOUSE_BUCKET, options.warehouseBucket(),
                LakeConfig.SCHEMA_PREFIX, options.schemaPrefix(role)));
        if (BenchOptions.retriesTasks(role)) {
            lake.put(TransformConfig.RETRY_POLICY, RetryPolicy.TASK.name());
        }
        return settings.with(lake, "loglake bench");
    }

    public LakeConfig lake(String role) {
        return LakeConfig.from(settings(role));
    }

    /**
     * The statements loglake sent to Trino since {@code since}, from Trino's recent-query list (it keeps at least
     * the last 100): how many fixed costs per statement a run paid. Call it right after the run, before other
     * queries of loglake's.
     */
    public long statementsSince(Instant since) {
        // The run's statements name the transform's source; a few of its helpers may use loglake's default one.
        return ((Number) rows("SELECT count(*) FROM system.runtime.queries WHERE source IN ("
                                + new SqlValue.Text(TrinoConnections.SOURCE).render() + ", "
                                + new SqlValue.Text(TransformRunner.TRINO_SOURCE).render() + ")"
                                + " AND query NOT LIKE '%system.runtime.queries%' AND created >= "
                                + "from_iso8601_timestamp(" + new SqlValue.Text(since.toString()).render() + ")")
                        .get(0)
                        .get(0))
                .longValue();
    }

    /** The schemas of the lake of {@code role}. */
    public LakeSchemas schemas(String role) {
        return LakeClients.from(settings(role)).schemas();
    }

    public S3ObjectStore rawStore() {
        return new S3ObjectStore(s3, options.rawBucket(), "the bench's raw bucket");
    }

    public TrinoConnections trino() {
        return new TrinoConnections(TrinoConfig.from(settings));
    }

    /** Creates the buckets and removes what an interrupted earlier bench left behind. */
    public void prepare() {
        dropSchemas();
        for (String bucket : List.of(options.rawBucket(), options.warehouseBucket())) {
            try {
                s3.createBucket(request -> request.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException e) {
                emptyBucket(bucket);
            } catch (SdkException e) {
                throw LoglakeException.external(
                        "Cannot create the bench's bucket " + bucket + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs the real transform runner on the lake of {@code role}. */
    public TransformSummary transform(String role, TransformRequest request) {
        if (!options.lakeRoles().contains(role)) {
            // cleanup drops the schemas of these roles only: a lake of another role would be left behind
            throw LoglakeException.internal(
                    "The bench has no lake of the role " + role + ": expected one of " + options.lakeRoles(), null);
        }
        Settings lakeSettings = settings(role);
        LakeClients clients = LakeClients.from(lakeSettings);
        return new TransformRunner(
                        clients.trino(),
                        s3,
                        clients.schemas(),
                        TransformConfig.from(lakeSettings),
                        LeaseConfig.from(lakeSettings))
                .run(request);
    }

    /** Milliseconds each SQL file of a transform run took, from the run ledger of the lake of {@code role}. */
    public Map<String, Long> jobMillis(String role, String runId) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (List<Object> row : rows("SELECT job, sum(date_diff('millisecond', started_at, ended_at)) FROM "
                + table(role, "ledger", "job_runs") + " WHERE run_id = " + new SqlValue.Text(runId).render()
                + " GROUP BY job ORDER BY job")) {
            millis.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return millis;
    }

    /** The Trino catalog of the bench's lakes. */
    public String trinoCatalog() {
        return TrinoConfig.from(settings).catalog();
    }

    /** {@code catalog.schema.table} of a table of the lake of {@code role}. */
    public String table(String role, String schema, String table) {
        return new SqlValue.Identifier(trinoCatalog()).render() + "."
                + new SqlValue.Identifier(lake(role).schema(schema)).render() + "."
                + new SqlValue.Identifier(table).render();
    }

    public List<List<Object>> rows(String sql) {
        try (Connection connection = trino().open();
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return List.of();
            }
            return ResultRows.of(statement.getResultSet());
        } catch (SQLException e) {
            // the cause tells a server that does not answer from a failed query (see Unreachable)
            throw LoglakeException.external("Bench query failed: " + e.getMessage() + " (" + sql + ")", e);
        }
    }

    /** Drops the bench's schemas and tables, then empties and deletes its buckets. */
    public void cleanup() {
        dropSchemas();
        for (String bucket : List.of(options.rawBucket(), options.warehouseBucket())) {
            try {
                emptyBucket(bucket);
                s3.deleteBucket(request -> request.bucket(bucket));
            } catch (SdkException | LoglakeException e) {
                log.warn("Could not delete the bench's bucket {}: {}", bucket, e.getMessage());
            }
        }
    }

    /**
     * Deletes every object, directory markers included, children before their parents: s3proxy's filesystem
     * backend keeps a "dir/" marker as a directory and does not remove one that still has entries, and a bucket
     * with a directory left cannot be deleted.
     */
    private void emptyBucket(String bucket) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(request -> request.bucket(bucket))
                .contents()
                .forEach(object -> keys.add(object.key()));
        keys.sort(Comparator.reverseOrder());
        if (!keys.isEmpty()) {
            new S3ObjectStore(s3, bucket, "the bench's bucket " + bucket).delete(keys);
        }
    }

    /** The names of a lake's schemas without prefix: {@code raw}, {@code staging}, {@code marts}... */
    public static List<String> lakeSchemaNames() {
        LakeConfig unprefixed =
                LakeConfig.from(Settings.defaults().with(Map.of(LakeConfig.SCHEMA_PREFIX, ""), "bench"));
        return LakeSchemas.of("catalog", unprefixed).schemaLocations().keySet().stream()
                .map(SqlValue.Identifier::name)
                .toList();
    }

    /**
     * Drops exactly the bench's own schemas (each role's lake), with their tables (data deleted). Never a pattern:
     * a user's lake may have a schema prefix that starts like the bench's name.
     */
    private void dropSchemas() {
        String catalog = new SqlValue.Identifier(TrinoConfig.from(settings).catalog()).render();
        Set<String> own = new TreeSet<>(options.schemas(lakeSchemaNames()));
        for (List<Object> schema : rows("SELECT schema_name FROM " + catalog + ".information_schema.schemata"
                + " WHERE schema_name IN ("
                + own.stream().map(name -> new SqlValue.Text(name).render()).collect(Collectors.joining(", "))
                + ")")) {
            String schemaName = (String) schema.get(0);
            if (!own.contains(schemaName)) {
                throw LoglakeException.internal(
                        "The bench was about to drop the schema " + schemaName + ", which is not one of its own: "
                                + own,
                        null);
            }
            String name = new SqlValue.Identifier(schemaName).render();
            for (List<Object> table : rows("SELECT table_name, table_type FROM " + catalog
                    + ".information_schema.tables WHERE table_schema = "
                    + new SqlValue.Text(schemaName).render())) {
                // The reports schema holds views (see ReportViews); Trino drops them with DROP VIEW only.
                String kind = "VIEW".equals(table.get(1)) ? "VIEW" : "TABLE";
                rows("DROP " + kind + " IF EXISTS " + catalog + "." + name + "."
                        + new SqlValue.Identifier((String) table.get(0)).render());
            }
            rows("DROP SCHEMA IF EXISTS " + catalog + "." + name);
        }
    }
}
