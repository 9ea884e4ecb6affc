package dev.loglake.it.transforms;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.ResultRows;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import dev.loglake.transforms.run.TransformSummary;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * A lake of its own inside the shared test stack: its own raw bucket and schema prefix, so that a test class
 * sees only the raw days it generated.
 */
public final class TransformFixture {
    private final TestStack stack;
    private final Settings settings;

    public TransformFixture(TestStack stack, String name) {
        this(stack, name, Map.of());
    }

    /** A lake with settings of its own on top, such as {@code transform.batch-days}. */
    public TransformFixture(TestStack stack, String name, Map<String, String> overrides) {
        this.stack = stack;
        this.settings = stack.settings()
                .with(
                        Map.of(
                                LakeConfig.RAW_BUCKET, "it-" + name.replace('_', '-') + "-raw",
                                LakeConfig.SCHEMA_PREFIX, "it_" + name + "_"),
                        "test")
                .with(overrides, "test");
        try (S3Client s3 = stack.newS3Client()) {
            s3.createBucket(request -> request.bucket(lake().rawBucket()));
        } catch (BucketAlreadyOwnedByYouException e) {
            // created by an earlier test of the class
        }
    }

    /** The settings of this lake: the stack's, with its own raw bucket and schema prefix. */
    public Settings settings() {
        return settings;
    }

    public LakeConfig lake() {
        return LakeConfig.from(settings);
    }

    public String table(String schema, String table) {
        return "hive." + lake().schema(schema) + "." + table;
    }

    public Manifest generate(LocalDate start, int days, long eventsPerDay, double lateShare, double malformedShare) {
        return generate(OutputFormat.COMBINED, start, days, eventsPerDay, lateShare, malformedShare);
    }

    public Manifest generate(
            OutputFormat format,
            LocalDate start,
            int days,
            long eventsPerDay,
            double lateShare,
            double malformedShare) {
        GenerateOptions options = new GenerateOptions(
                start,
                days,
                eventsPerDay,
                11,
                format,
                Compression.GZIP,
                1,
                lateShare,
                malformedShare,
                GenerateOptions.defaultIncidents(start, days),
                2,
                GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.empty());
        try (S3Client s3 = stack.newS3Client()) {
            S3ObjectStore store = new S3ObjectStore(s3, lake().rawBucket(), "test stack");
            ProgressReporter silent = new ProgressReporter(
                    "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
            return new GenerateRun(options, store, silent).execute().manifest();
        }
    }

    public TransformSummary transform(TransformRequest request) {
        try (S3Client s3 = stack.newS3Client()) {
            return new TransformRunner(
                            new TrinoConnections(TrinoConfig.from(settings)),
                            s3,
                            LakeSchemas.of("hive", lake()),
                            TransformConfig.from(settings),
                            LeaseConfig.from(settings))
                    .run(request);
        }
    }

    public List<List<Object>> rows(String sql) throws SQLException {
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return ResultRows.of(result);
        }
    }

    public long single(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    /**
     * An order-independent checksum of a table's rows over the given columns, with the row count. Two loads of
     * the same input must give the same value.
     */
    public String checksum(String table, List<String> columns) throws SQLException {
        List<Object> row = rows("SELECT count(*), to_hex(checksum(ROW(" + String.join(", ", columns) + "))) FROM "
                        + table)
                .get(0);
        return row.get(0) + ":" + row.get(1);
    }

    /** The table's columns, minus those whose values are approximate (approx_percentile). */
    public List<String> exactColumns(String schema, String table) throws SQLException {
        return rows("SELECT column_name FROM hive.information_schema.columns WHERE table_schema = '"
                        + lake().schema(schema) + "' AND table_name = '" + table
                        + "' AND column_name NOT LIKE 'p__\\_ms'"
                        + " ESCAPE '\\' ORDER BY ordinal_position")
                .stream()
                .map(values -> (String) values.get(0))
                .toList();
    }
}
