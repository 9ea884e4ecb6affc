package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.bench.MartsAgainstDuckDb;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Three generated days with late and malformed lines go through the transforms; every figure of the
 * generator's manifest must come out of the loaded tables exactly, reruns must change nothing, and a new day
 * must rewrite no other partition.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestTransformsAgainstManifest {
    private static final LocalDate START = LocalDate.of(2032, 1, 1);
    private static final List<String> TABLES = List.of(
            "staging.parsed_lines",
            "staging.quarantine",
            "marts.fact_requests",
            "marts.sessions",
            "marts.daily_traffic",
            "marts.daily_status",
            "marts.daily_paths",
            "marts.daily_referrers",
            "marts.daily_audience_mix",
            "marts.hourly_traffic",
            "marts.daily_latency",
            "marts.daily_visitors",
            "marts.daily_response_times");

    private static Manifest manifest;

    @Test
    @Order(1)
    void everyManifestFigureEqualsTheLoadedTables(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "exact");
        manifest = lake.generate(START, 3, 20_000, 0.01, 0.003);

        TransformSummary summary = lake.transform(TransformRequest.pending());

        assertThat(summary.arrivalDays()).containsExactly(START, START.plusDays(1), START.plusDays(2));
        ManifestChecks.assertLakeMatches(lake, manifest);
        assertPercentilesAreTheNearestRankOfTheRequests(lake, manifest);
        assertThat(manifest.eventDates().values())
                .anySatisfy(day -> assertThat(day.lateEvents()).isPositive());
        assertThat(manifest.arrivalDates().values())
                .anySatisfy(day -> assertThat(day.malformedLines()).isPositive());
    }

    @Test
    @Order(2)
    void reloadingTheRangeOrASubsetChangesNoTable(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "exact");
        Map<String, String> before = checksums(lake);

        lake.transform(TransformRequest.days(new DayRange(START, START.plusDays(2))));
        Map<String, String> afterFullReload = checksums(lake);
        lake.transform(TransformRequest.days(new DayRange(START.plusDays(1), START.plusDays(1))));
        Map<String, String> afterSubsetReload = checksums(lake);

        assertThat(afterFullReload).isEqualTo(before);
        assertThat(afterSubsetReload).isEqualTo(before);
        assertThat(lake.transform(TransformRequest.pending()).nothingToDo()).isTrue();
    }

    @Test
    @Order(3)
    void aNewDayRewritesNoOtherPartition(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "exact");
        Map<String, String> earlierFiles = factFiles(stack, lake);
        // No late events in the new day: it must touch its own partitions only.
        Manifest newDay = lake.generate(START.plusDays(3), 1, 20_000, 0, 0.003);

        TransformSummary summary = lake.transform(TransformRequest.pending());

        assertThat(summary.arrivalDays()).containsExactly(START.plusDays(3));
        assertThat(summary.eventDays()).containsExactly(START.plusDays(3));
        Map<String, String> files = factFiles(stack, lake);
        assertThat(files).containsAllEntriesOf(earlierFiles);
        assertThat(files.keySet()).anySatisfy(key -> assertThat(key).contains("/dt=" + START.plusDays(3) + "/"));
        ManifestChecks.assertDayMatches(
                lake,
                START.plusDays(3).toString(),
                newDay.eventDates().get(START.plusDays(3).toString()));
    }

    @Test
    @Order(4)
    void theBenchsDuckDbPeerComputesEveryMartAsTheLakeDoes(TestStack stack, @TempDir Path work) {
        TransformFixture lake = new TransformFixture(stack, "exact");
        List<LocalDate> arrivalDays = List.of(START, START.plusDays(1), START.plusDays(2), START.plusDays(3));

        List<String> differences;
        try (S3Client s3 = stack.newS3Client()) {
            differences = MartsAgainstDuckDb.differences(
                    new S3ObjectStore(s3, lake.lake().rawBucket(), "test stack"),
                    arrivalDays,
                    TransformConfig.from(lake.settings()).latenessDays(),
                    work,
                    sql -> rowsOrFail(lake, sql),
                    mart -> lake.table("marts", mart));
        }

        // The bench's whole-transform ratio compares loglake with DuckDB doing this same work (issue #16, item 5).
        assertThat(differences)
                .as("figures of DuckDB's marts that differ from the lake's")
                .isEmpty();
    }

    private static List<List<Object>> rowsOrFail(TransformFixture lake, String sql) {
        try {
            return lake.rows(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The manifest has no response times, so each day's percentiles in daily_traffic (read from the buckets of
     * daily_response_times) are checked against the test's own reading of every request of the day.
     */
    private static void assertPercentilesAreTheNearestRankOfTheRequests(TransformFixture lake, Manifest manifest)
            throws SQLException {
        for (String date : manifest.eventDates().keySet()) {
            String day = " WHERE dt = DATE '" + date + "'";
            List<Long> times = lake
                    .rows("SELECT response_micros FROM " + lake.table("marts", "fact_requests") + day
                            + " AND response_micros IS NOT NULL")
                    .stream()
                    .map(row -> ((Number) row.get(0)).longValue())
                    .toList();
            List<Object> percentiles = lake.rows(
                            "SELECT p50_ms, p95_ms, p99_ms FROM " + lake.table("marts", "daily_traffic") + day)
                    .get(0);
            assertThat(percentiles.stream().map(value -> ((Number) value).doubleValue()))
                    .as("p50, p95, p99 on " + date)
                    .containsExactly(
                            ResponseTimeOracle.percentileMillis(times, 50),
                            ResponseTimeOracle.percentileMillis(times, 95),
                            ResponseTimeOracle.percentileMillis(times, 99));
        }
    }

    private static Map<String, String> checksums(TransformFixture lake) throws SQLException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : TABLES) {
            String[] parts = table.split("\\.");
            checksums.put(table, lake.checksum(lake.table(parts[0], parts[1]), lake.exactColumns(parts[0], parts[1])));
        }
        return checksums;
    }

    /** Each data file of the fact table with its ETag: a rewritten partition gets new files. */
    private static Map<String, String> factFiles(TestStack stack, TransformFixture lake) {
        Map<String, String> files = new TreeMap<>();
        try (S3Client s3 = stack.newS3Client()) {
            s3
                    .listObjectsV2Paginator(
                            request -> request.bucket(lake.lake().warehouseBucket())
                                    .prefix(lake.lake().schema("marts") + "/fact_requests/"))
                    .contents()
                    .stream()
                    .filter(object ->
                            !object.key().endsWith("/") && object.key().contains("/dt="))
                    .forEach((S3Object object) -> files.put(object.key(), object.eTag()));
        }
        return files;
    }
}
