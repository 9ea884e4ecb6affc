package dev.loglake.it.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateResult;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.ArrivalDateStats;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.generator.manifest.PathCount;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.RawLayout;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The generator's ground truth against an independent count: two days of combined logs with late and
 * malformed lines go to the local stack's S3 server, Trino reads them back as plain text through an external
 * table, and every number of the manifest must come out of SQL exactly. Dates in 2031 keep it apart from
 * other tests.
 */
@ExtendWith(LocalStackExtension.class)
class TestGeneratorAgainstTrino {
    private static final String SCHEMA = "it_generator";
    private static final String TABLE = "hive." + SCHEMA + ".raw_combined";
    private static final LocalDate START = LocalDate.of(2031, 3, 4);
    /** The valid-line rule in SQL: the same regular expression as the Java parser, and the length limit. */
    private static final String VALID = "length(line) <= " + CombinedLineParser.MAX_LINE_LENGTH
            + " AND regexp_like(line, '" + CombinedLineParser.VALID_LINE.replace("'", "''") + "')";

    @Test
    void trinoRecountsTheManifestExactly(TestStack stack) throws SQLException {
        String bucket = stack.lake().rawBucket();
        Manifest manifest;
        try (S3Client s3 = stack.newS3Client()) {
            GenerateOptions options = new GenerateOptions(
                    START,
                    2,
                    40_000,
                    7,
                    OutputFormat.COMBINED,
                    Compression.GZIP,
                    1,
                    0.02,
                    0.004,
                    GenerateOptions.defaultIncidents(START, 2),
                    2,
                    GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                    "",
                    Optional.empty());
            S3ObjectStore store = new S3ObjectStore(s3, bucket, "test stack");
            GenerateResult result = new GenerateRun(options, store, silentProgress()).execute();
            manifest = ManifestJson.read(s3, bucket, result.manifestKey());
            assertThat(manifest).isEqualTo(result.manifest());
            assertThat(manifest.arrivalDates().get("2031-03-05").malformedLines())
                    .isPositive();
            assertThat(manifest.eventDates().get("2031-03-04").lateEvents()).isPositive();
            for (String date : manifest.arrivalDates().keySet()) {
                long objects = store.list(RawLayout.datePrefix("", "combined", LocalDate.parse(date)))
                        .size();
                assertThat(objects).isEqualTo(manifest.arrivalDates().get(date).objects());
            }
        }
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            createTable(statement, stack);
            assertThat(arrivalDates(statement)).isEqualTo(withoutObjects(manifest.arrivalDates()));
            assertThat(eventDates(statement)).isEqualTo(manifest.eventDates());
            statement.execute("DROP TABLE " + TABLE);
        }
    }

    private static void createTable(Statement statement, TestStack stack) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS hive." + SCHEMA + " WITH (location = 's3://"
                + stack.lake().warehouseBucket() + "/" + SCHEMA + "')");
        statement.execute("DROP TABLE IF EXISTS " + TABLE);
        statement.execute(
                "CREATE TABLE " + TABLE + " (line varchar, dt varchar, hour varchar) WITH (format = 'TEXTFILE',"
                        + " external_location = 's3://" + stack.lake().rawBucket() + "/access/combined/',"
                        + " partitioned_by = ARRAY['dt', 'hour'])");
        statement.execute("CALL hive.system.sync_partition_metadata('" + SCHEMA + "', 'raw_combined', 'ADD')");
    }

    private static Map<String, ArrivalDateStats> arrivalDates(Statement statement) throws SQLException {
        Map<String, ArrivalDateStats> stats = new TreeMap<>();
        try (ResultSet rows =
                statement.executeQuery("WITH lines AS (SELECT dt, " + VALID + " AS valid, line FROM " + TABLE
                        + " WHERE dt LIKE '2031-03-%')"
                        + " SELECT dt, count(*), count_if(valid), count_if(NOT valid),"
                        + " count_if(valid AND " + eventDate("line") + " < date(dt))"
                        + " FROM lines GROUP BY dt")) {
            while (rows.next()) {
                stats.put(
                        rows.getString(1),
                        new ArrivalDateStats(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), 0));
            }
        }
        return stats;
    }

    private static Map<String, EventDateStats> eventDates(Statement statement) throws SQLException {
        String valid = "WITH valid AS (SELECT dt AS arrival, " + eventDate("line") + " AS event_date,"
                + field(1) + " AS ip, " + field(5) + " AS target, CAST(" + field(7) + " AS integer) AS status,"
                + " CAST(IF(" + field(8) + " = '-', '0', " + field(8) + ") AS bigint) AS bytes, " + field(10) + " AS ua"
                + " FROM " + TABLE + " WHERE dt LIKE '2031-03-%' AND " + VALID + ")";
        Map<String, Map<Integer, Long>> statuses = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(
                valid + " SELECT CAST(event_date AS varchar), status, count(*) FROM valid GROUP BY 1, 2")) {
            while (rows.next()) {
                statuses.computeIfAbsent(rows.getString(1), key -> new TreeMap<>())
                        .put(rows.getInt(2), rows.getLong(3));
            }
        }
        Map<String, List<PathCount>> topPaths = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(valid + ", paths AS (SELECT CAST(event_date AS varchar) AS d,"
                + " split_part(target, '?', 1) AS path, count(*) AS n FROM valid GROUP BY 1, 2),"
                + " ranked AS (SELECT d, path, n, row_number() OVER (PARTITION BY d ORDER BY n DESC, path ASC) AS r FROM paths)"
                + " SELECT d, path, n FROM ranked WHERE r <= 20 ORDER BY d, r")) {
            while (rows.next()) {
                topPaths.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                        .add(new PathCount(rows.getString(2), rows.getLong(3)));
            }
        }
        Map<String, EventDateStats> stats = new TreeMap<>();
        try (ResultSet rows =
                statement.executeQuery(valid + " SELECT CAST(event_date AS varchar), count(*), sum(bytes),"
                        + " count(DISTINCT ip), count(DISTINCT (ip, ua)),"
                        + " count_if(regexp_like(lower(ua), 'bot|crawler|spider|slurp')), count_if(event_date < date(arrival))"
                        + " FROM valid GROUP BY 1")) {
            while (rows.next()) {
                String date = rows.getString(1);
                stats.put(
                        date,
                        new EventDateStats(
                                rows.getLong(2),
                                statuses.get(date),
                                rows.getLong(3),
                                rows.getLong(4),
                                rows.getLong(5),
                                topPaths.get(date),
                                rows.getLong(6),
                                rows.getLong(7)));
            }
        }
        return stats;
    }

    private static String field(int group) {
        return "regexp_extract(line, '" + CombinedLineParser.VALID_LINE.replace("'", "''") + "', " + group + ")";
    }

    /**
     * The generator writes UTC (+0000), so the date is the first 11 characters of the time field; null for
     * lines without one.
     */
    private static String eventDate(String line) {
        return "try(date(date_parse(substr(regexp_extract(" + line + ", '\\[([^\\]]+)\\]', 1), 1, 11), '%d/%b/%Y')))";
    }

    private static Map<String, ArrivalDateStats> withoutObjects(Map<String, ArrivalDateStats> arrivals) {
        Map<String, ArrivalDateStats> stats = new TreeMap<>();
        arrivals.forEach((date, day) -> stats.put(
                date,
                new ArrivalDateStats(
                        day.linesWritten(), day.validLines(), day.malformedLines(), day.lateEventsArrived(), 0)));
        return stats;
    }

    private static ProgressReporter silentProgress() {
        return new ProgressReporter(
                "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
    }
}
