package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportResult;
import dev.loglake.reports.ReportRunner;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two sites in one lake, the same day generated for each with its own seed: each site's report equals its own
 * manifest, and the all-sites report equals the two together: requests, page views and sessions add up, visitors
 * are distinct over both sites (a visitor of both counts once: recounted from the written logs, whose per-site
 * counts equal the manifests'), and the percentiles are those of both sites' requests merged. A site the lake does
 * not hold is refused, naming the sites it does; a lake whose marts predate the site column is refused before
 * anything is written.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestSitesInOneLake {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 14);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> SEEDS = new TreeMap<>(Map.of("blog", 23L, "shop", 29L));

    private static final Map<String, Manifest> manifests = new TreeMap<>();
    private static final Map<String, SiteLogs> written = new TreeMap<>();

    /** Shared by the ordered tests: the all-sites test reads the site reports the first one wrote. */
    @TempDir
    static Path out;

    @Test
    @Order(1)
    void eachSiteReportEqualsItsOwnManifest(TestStack stack) throws IOException {
        TransformFixture lake = new TransformFixture(stack, "sites");
        try (S3Client s3 = stack.newS3Client()) {
            SEEDS.forEach((site, seed) -> {
                manifests.put(site, generate(stack, lake, site, seed));
                written.put(site, SiteLogs.read(s3, lake.lake().rawBucket(), site, DAY));
            });
        }
        // Closed by hand: the day's completion markers are per site, and only the default site's close a day today.
        lake.transform(TransformRequest.close(new DayRange(DAY, DAY)));

        for (String site : SEEDS.keySet()) {
            EventDateStats expected = manifests.get(site).eventDates().get(DAY.toString());
            assertThat(written.get(site).visitors())
                    .as("visitors written for " + site)
                    .hasSize((int) expected.distinctVisitors());
            ReportResult result =
                    runner(stack, lake).run(new ReportRequest(DAY, Period.DAY, out.resolve(site), Optional.of(site)));
            JsonNode kpis = JSON.readTree(out.resolve(site).resolve("kpis.json").toFile());

            assertThat(kpis.path("site").asText()).isEqualTo(site);
            assertThat(figures(kpis, "requests", "bytes_served", "distinct_client_ips", "visitors", "bot_requests"))
                    .as("requests, bytes, distinct IPs, visitors, bots of " + site)
                    .containsExactly(
                            expected.validEvents(),
                            expected.responseBytes(),
                            expected.distinctClientIps(),
                            expected.distinctVisitors(),
                            expected.botEvents());
            assertThat(statusCounts(kpis)).as("status mix of " + site).isEqualTo(expected.statusCounts());
            assertThat(kpis.path("kpis").path("p95_ms").path("value").asDouble())
                    .as("p95 of " + site)
                    .isEqualTo(ResponseTimeOracle.percentileMillis(
                            written.get(site).responseMicros(), 95));
            assertThat(kpis.path("sites")).hasSize(1);
            assertThat(result.s3Keys()).contains("reports/site=" + site + "/day/" + DAY + "/kpis.json");
        }
    }

    @Test
    @Order(2)
    void theAllSitesReportEqualsBothManifestsTogether(TestStack stack) throws IOException, SQLException {
        TransformFixture lake = new TransformFixture(stack, "sites");
        runner(stack, lake).run(new ReportRequest(DAY, Period.DAY, out.resolve("all")));
        JsonNode all = JSON.readTree(out.resolve("all").resolve("kpis.json").toFile());
        List<EventDateStats> sites = manifests.values().stream()
                .map(manifest -> manifest.eventDates().get(DAY.toString()))
                .toList();
        SiteLogs both = SiteLogs.union(List.copyOf(written.values()));

        assertThat(all.path("site").isNull()).isTrue();
        assertThat(value(all, "requests"))
                .isEqualTo(sites.stream().mapToLong(EventDateStats::validEvents).sum());
        assertThat(value(all, "bytes_served"))
                .isEqualTo(
                        sites.stream().mapToLong(EventDateStats::responseBytes).sum());
        long summedVisitors =
                sites.stream().mapToLong(EventDateStats::distinctVisitors).sum();
        assertThat(both.visitors().size())
                .as("visitors of both sites (else this test could not tell a sum from a distinct count)")
                .isLessThan((int) summedVisitors);
        assertThat(value(all, "visitors"))
                .as("visitors distinct over both sites")
                .isEqualTo(both.visitors().size());
        for (int percent : List.of(50, 95, 99)) {
            assertThat(all.path("kpis")
                            .path("p" + percent + "_ms")
                            .path("value")
                            .asDouble())
                    .as("p%d of both sites' requests", percent)
                    .isEqualTo(ResponseTimeOracle.percentileMillis(both.responseMicros(), percent));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        sites.forEach(day -> day.statusCounts().forEach((status, count) -> statuses.merge(status, count, Long::sum)));
        assertThat(statusCounts(all)).isEqualTo(statuses);
        for (String figure : List.of("page_views", "sessions")) {
            long perSite = 0;
            for (String site : SEEDS.keySet()) {
                perSite += value(
                        JSON.readTree(out.resolve(site).resolve("kpis.json").toFile()), figure);
            }
            assertThat(value(all, figure)).as(figure + " add up over the sites").isEqualTo(perSite);
        }
        assertBreakdown(all);
        assertViews(lake, both, summedVisitors);
    }

    @Test
    @Order(3)
    void aSiteTheLakeDoesNotHoldIsRefusedNamingTheSitesItHolds(TestStack stack) {
        TransformFixture lake = new TransformFixture(stack, "sites");
        Path dir = out.resolve("unknown");

        assertThatThrownBy(() -> runner(stack, lake).run(new ReportRequest(DAY, Period.DAY, dir, Optional.of("news"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("No figures of the site 'news'")
                .hasMessageContaining("the sites [blog, shop]")
                .extracting(e -> ((LoglakeException) e).kind())
                .isEqualTo(LoglakeException.Kind.USER);
        assertThat(dir).doesNotExist();
    }

    @Test
    @Order(4)
    void aLakeWhoseMartsPredateTheSiteColumnIsRefusedBeforeAnythingIsWritten(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "sites");
        String table = lake.table("marts", "daily_status");
        String ledger = "SELECT count(*) FROM " + lake.table("ledger", "day_status");
        long statusChanges = lake.single(ledger);
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            // The table as loglake created it before sites (the metastore refuses to drop a column in the middle).
            statement.execute("DROP TABLE " + table);
            statement.execute("CREATE TABLE " + table + " (status integer, status_class varchar, requests bigint,"
                    + " dt date) WITH (format = 'PARQUET', partitioned_by = ARRAY['dt'])");
        }

        assertThatThrownBy(() -> lake.transform(TransformRequest.days(new DayRange(DAY, DAY))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining(table + " lacks site (marts/daily_status.sql)")
                .hasMessageContaining("DROP TABLE " + table + ";")
                .hasMessageContaining("./loglake transform --from FIRST --to LAST");
        assertThat(lake.single(ledger))
                .as("status changes after the refused run")
                .isEqualTo(statusChanges);
    }

    /** The per-site breakdown: each site's own requests and visitors, as its manifest has them. */
    private static void assertBreakdown(JsonNode all) throws IOException {
        Map<String, List<Long>> breakdown = new TreeMap<>();
        all.path("sites")
                .forEach(row -> breakdown.put(
                        row.path("site").asText(),
                        List.of(
                                row.path("requests").asLong(),
                                row.path("visitors").asLong())));
        Map<String, List<Long>> expected = new TreeMap<>();
        manifests.forEach((site, manifest) -> {
            EventDateStats day = manifest.eventDates().get(DAY.toString());
            expected.put(site, List.of(day.validEvents(), day.distinctVisitors()));
        });
        assertThat(breakdown).isEqualTo(expected);
    }

    /** BI's views: daily_kpis has all sites' figures (visitors distinct over sites), site_daily_kpis each site's. */
    private static void assertViews(TransformFixture lake, SiteLogs both, long summedVisitors) throws SQLException {
        String day = "DATE '" + DAY + "'";
        assertThat(lake.rows(
                        "SELECT visitors, requests FROM " + lake.table("reports", "daily_kpis") + " WHERE dt = " + day))
                .containsExactly(List.of(
                        (long) both.visitors().size(),
                        manifests.values().stream()
                                .mapToLong(manifest -> manifest.eventDates()
                                        .get(DAY.toString())
                                        .validEvents())
                                .sum()));
        assertThat(lake.single(
                        "SELECT sum(visitors) FROM " + lake.table("reports", "site_daily_kpis") + " WHERE dt = " + day))
                .isEqualTo(summedVisitors);
    }

    private static List<Long> figures(JsonNode kpis, String... names) {
        return java.util.Arrays.stream(names).map(name -> value(kpis, name)).toList();
    }

    private static long value(JsonNode kpis, String name) {
        return kpis.path("kpis").path(name).path("value").asLong();
    }

    private static Map<Integer, Long> statusCounts(JsonNode kpis) {
        Map<Integer, Long> counts = new TreeMap<>();
        kpis.path("status_counts")
                .properties()
                .forEach(entry -> counts.put(
                        Integer.valueOf(entry.getKey()), entry.getValue().asLong()));
        return counts;
    }

    private static ReportRunner runner(TestStack stack, TransformFixture lake) {
        return new ReportRunner(
                new TrinoConnections(TrinoConfig.from(stack.settings())),
                stack.newS3Client(),
                LakeSchemas.of("hive", lake.lake()),
                CLOCK);
    }

    /** One day of 4,000 events for the site, none late (only that raw day is loaded). */
    private static Manifest generate(TestStack stack, TransformFixture lake, String site, long seed) {
        GenerateOptions options = new GenerateOptions(
                        DAY,
                        1,
                        4_000,
                        seed,
                        OutputFormat.COMBINED,
                        Compression.GZIP,
                        1,
                        0,
                        0.002,
                        GenerateOptions.defaultIncidents(DAY, 1),
                        2,
                        GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                        "",
                        Optional.empty())
                .withSite(site);
        try (S3Client s3 = stack.newS3Client()) {
            S3ObjectStore store = new S3ObjectStore(s3, lake.lake().rawBucket(), "test stack");
            ProgressReporter silent = new ProgressReporter(
                    "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
            Manifest manifest =
                    new GenerateRun(options, store, silent).execute().manifest();
            assertThat(manifest.run().site()).isEqualTo(site);
            return manifest;
        }
    }
}
