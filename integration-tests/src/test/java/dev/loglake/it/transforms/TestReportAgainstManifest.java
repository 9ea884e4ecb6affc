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
import dev.loglake.generator.manifest.PathCount;
import dev.loglake.generator.model.Incident;
import dev.loglake.generator.model.IncidentKind;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.trino.TrinoSession;
import dev.loglake.reports.MissingDay;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportResult;
import dev.loglake.reports.ReportRunner;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.Ledger;
import dev.loglake.transforms.run.TransformRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Five generated days (Monday to Friday of ISO week 2026-W41) with a 5xx burst on Monday 13:10-13:30 and a
 * latency spike on Friday 19:00-19:30 go through the transforms and the report: every figure of kpis.json that
 * the generator's manifest has must equal it exactly, the incidents must be found, a failed day must be named
 * as missing, and bad requests must fail before anything is written.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestReportAgainstManifest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);
    /** "Today" for the runner: October is over, 2026-11-21 is in the future. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Manifest manifest;

    @TempDir
    Path out;

    @Test
    @Order(1)
    void aDayReportEqualsTheManifestAndShowsTheErrorBurst(TestStack stack) throws IOException, SQLException {
        TransformFixture lake = new TransformFixture(stack, "report");
        manifest = generate(stack, lake);
        lake.transform(TransformRequest.pending());

        for (LocalDate day : List.of(MONDAY, FRIDAY)) {
            ReportResult result =
                    runner(stack, lake).run(new ReportRequest(day, Period.DAY, out.resolve(day.toString())));
            JsonNode kpis =
                    JSON.readTree(result.outputDir().resolve("kpis.json").toFile());

            assertDayFigures(kpis, manifest.eventDates().get(day.toString()), day.toString());
            assertRecount(lake, kpis, List.of(day));
            assertThat(result.missingDays()).isEmpty();
            assertStored(stack, lake, result, "reports/day/" + day + "/");
        }
        JsonNode monday = JSON.readTree(
                out.resolve(MONDAY.toString()).resolve("kpis.json").toFile());
        assertThat(incidents(monday)).contains("2026-10-05 13 server_errors");
        assertThat(Files.readString(out.resolve(MONDAY.toString()).resolve("report.html")))
                .contains("2026-10-05 13:00 UTC");
        // Sunday before it was never loaded: named as missing, no change computed.
        assertThat(monday.path("previous_period")
                        .path("missing_days")
                        .get(0)
                        .path("reason")
                        .asText())
                .isEqualTo(MissingDay.NOT_LOADED);
        assertThat(monday.path("kpis").path("requests").path("change").isNull()).isTrue();
        JsonNode friday = JSON.readTree(
                out.resolve(FRIDAY.toString()).resolve("kpis.json").toFile());
        assertThat(incidents(friday)).contains("2026-10-09 19 latency");
        assertThat(friday.path("kpis").path("requests").path("previous").asLong())
                .isEqualTo(manifest.eventDates()
                        .get(FRIDAY.minusDays(1).toString())
                        .validEvents());
    }

    @Test
    @Order(2)
    void aWeekReportNamesAFailedDayAsMissingAndLeavesItOut(TestStack stack) throws IOException, SQLException {
        TransformFixture lake = new TransformFixture(stack, "report");
        markFailed(stack, lake, WEDNESDAY);
        String prefix = "reports/week/2026-W41/";
        try (S3Client s3 = stack.newS3Client()) {
            s3.putObject(
                    request -> request.bucket(lake.lake().reportsBucket()).key(prefix + "stale.csv"),
                    RequestBody.fromString("left over by an older version"));
        }

        ReportResult result = runner(stack, lake).run(new ReportRequest(WEDNESDAY, Period.WEEK, out));

        assertThat(result.periodKey()).isEqualTo("2026-W41");
        assertThat(result.missingDays())
                .containsExactly(
                        new MissingDay(WEDNESDAY, "failed"),
                        new MissingDay(MONDAY.plusDays(5), MissingDay.NOT_LOADED),
                        new MissingDay(MONDAY.plusDays(6), MissingDay.NOT_LOADED));
        assertThat(Files.readString(out.resolve("report.html"))).contains("2026-10-07 (failed)");
        JsonNode kpis = JSON.readTree(out.resolve("kpis.json").toFile());
        List<EventDateStats> read = new ArrayList<>();
        for (LocalDate day : List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3), FRIDAY)) {
            read.add(manifest.eventDates().get(day.toString()));
        }
        assertThat(kpis.path("kpis").path("requests").path("value").asLong())
                .isEqualTo(read.stream().mapToLong(EventDateStats::validEvents).sum());
        assertThat(kpis.path("kpis").path("bytes_served").path("value").asLong())
                .isEqualTo(
                        read.stream().mapToLong(EventDateStats::responseBytes).sum());
        assertThat(kpis.path("kpis").path("bot_requests").path("value").asLong())
                .isEqualTo(read.stream().mapToLong(EventDateStats::botEvents).sum());
        Map<Integer, Long> statuses = new TreeMap<>();
        read.forEach(day -> day.statusCounts().forEach((status, count) -> statuses.merge(status, count, Long::sum)));
        assertThat(statusCounts(kpis)).isEqualTo(statuses);
        assertRecount(lake, kpis, List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3), FRIDAY));
        assertThat(incidents(kpis)).contains("2026-10-05 13 server_errors", "2026-10-09 19 latency");
        assertStored(stack, lake, result, prefix);
    }

    @Test
    @Order(3)
    void badRequestsFailWithAClearMessageBeforeWritingAnything(TestStack stack) {
        TransformFixture lake = new TransformFixture(stack, "report");
        ReportRunner runner = runner(stack, lake);

        assertRefused(stack, lake, runner, LocalDate.of(2026, 11, 21), Period.DAY, "the date is in the future");
        assertRefused(
                stack, lake, runner, LocalDate.of(2026, 11, 19), Period.WEEK, "Cannot report on the week 2026-W47 yet");
        assertRefused(stack, lake, runner, LocalDate.of(2026, 10, 12), Period.DAY, "No data for the day 2026-10-12");
        assertRefused(stack, lake, runner, WEDNESDAY, Period.DAY, "2026-10-07 (failed)");
        assertRefused(
                stack,
                lake,
                runner,
                MONDAY,
                Period.MONTH,
                "Cannot fill the month 2026-10: only 4 of its 31 days are complete");
    }

    private void assertRefused(
            TestStack stack,
            TransformFixture lake,
            ReportRunner runner,
            LocalDate date,
            Period period,
            String message) {
        Path dir = out.resolve(period.id() + "-" + date);
        assertThatThrownBy(() -> runner.run(new ReportRequest(date, period, dir)))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((LoglakeException) e).kind())
                .isEqualTo(LoglakeException.Kind.USER);
        assertThat(dir).doesNotExist();
        String key = new ReportRequest(date, period, dir).window().key();
        try (S3Client s3 = stack.newS3Client()) {
            assertThat(s3.listObjectsV2(request -> request.bucket(lake.lake().reportsBucket())
                                    .prefix("reports/" + period.id() + "/" + key + "/"))
                            .contents())
                    .as("objects stored for a refused report")
                    .isEmpty();
        }
    }

    /**
     * Visitors and percentiles do not add up over days, and the report reads them from marts of their own
     * (daily_visitors, daily_response_times): recounted here from every request of the days read. The
     * generator's manifest has no percentiles, so the requests in fact_requests are the ground truth here.
     */
    private static void assertRecount(TransformFixture lake, JsonNode kpis, List<LocalDate> days) throws SQLException {
        String dates =
                String.join(", ", days.stream().map(day -> "DATE '" + day + "'").toList());
        List<List<Object>> requests = lake.rows("SELECT client_ip, coalesce(user_agent, ''), response_micros FROM "
                + lake.table("marts", "fact_requests") + " WHERE dt IN (" + dates + ")");
        JsonNode figures = kpis.path("kpis");
        assertThat(figures.path("visitors").path("value").asLong())
                .as("distinct (client IP, user agent) of the week")
                .isEqualTo(requests.stream()
                        .map(row -> row.subList(0, 2))
                        .distinct()
                        .count());
        assertThat(figures.path("distinct_client_ips").path("value").asLong())
                .isEqualTo(requests.stream().map(row -> row.get(0)).distinct().count());
        List<Long> times = requests.stream()
                .map(row -> (Number) row.get(2))
                .filter(Objects::nonNull)
                .map(Number::longValue)
                .toList();
        for (int percent : List.of(50, 95, 99)) {
            assertThat(figures.path("p" + percent + "_ms").path("value").asDouble())
                    .as("p%d of the week", percent)
                    .isEqualTo(ResponseTimeOracle.percentileMillis(times, percent));
        }
    }

    private static void assertDayFigures(JsonNode kpis, EventDateStats expected, String day) {
        JsonNode figures = kpis.path("kpis");
        assertThat(List.of(
                        figures.path("requests").path("value").asLong(),
                        figures.path("bytes_served").path("value").asLong(),
                        figures.path("distinct_client_ips").path("value").asLong(),
                        figures.path("visitors").path("value").asLong(),
                        figures.path("bot_requests").path("value").asLong()))
                .as("requests, bytes, distinct IPs, visitors, bots on " + day)
                .containsExactly(
                        expected.validEvents(),
                        expected.responseBytes(),
                        expected.distinctClientIps(),
                        expected.distinctVisitors(),
                        expected.botEvents());
        assertThat(statusCounts(kpis)).as("status mix on " + day).isEqualTo(expected.statusCounts());
        assertThat(figures.path("bot_share").path("value").asDouble())
                .isEqualTo((double) expected.botEvents() / expected.validEvents());
        long serverErrors = expected.statusCounts().entrySet().stream()
                .filter(entry -> entry.getKey() >= 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(figures.path("error_rate_5xx").path("value").asDouble())
                .isEqualTo((double) serverErrors / expected.validEvents());
        List<PathCount> topPaths = new ArrayList<>();
        kpis.path("top_pages")
                .forEach(row -> topPaths.add(new PathCount(
                        row.path("path").asText(), row.path("requests").asLong())));
        assertThat(topPaths.subList(0, EventDateStats.TOP_PATHS))
                .as("top paths on " + day)
                .isEqualTo(expected.topPaths());
    }

    private static Map<Integer, Long> statusCounts(JsonNode kpis) {
        Map<Integer, Long> counts = new TreeMap<>();
        kpis.path("status_counts")
                .properties()
                .forEach(entry -> counts.put(
                        Integer.valueOf(entry.getKey()), entry.getValue().asLong()));
        return counts;
    }

    private static List<String> incidents(JsonNode kpis) {
        List<String> incidents = new ArrayList<>();
        kpis.path("incidents")
                .forEach(incident -> incidents.add(incident.path("day").asText() + " "
                        + incident.path("hour_utc").asInt() + " "
                        + incident.path("kind").asText()));
        return incidents;
    }

    private static void assertStored(TestStack stack, TransformFixture lake, ReportResult result, String prefix) {
        try (S3Client s3 = stack.newS3Client()) {
            List<String> keys = s3
                    .listObjectsV2(request ->
                            request.bucket(lake.lake().reportsBucket()).prefix(prefix))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .sorted()
                    .toList();
            assertThat(keys).isEqualTo(result.s3Keys().stream().sorted().toList());
            assertThat(keys)
                    .contains(
                            prefix + "report.html",
                            prefix + "report.md",
                            prefix + "kpis.json",
                            prefix + "top_pages.csv");
            assertThat(result.files()).allSatisfy(file -> assertThat(file).isRegularFile());
        }
    }

    private static ReportRunner runner(TestStack stack, TransformFixture lake) {
        return new ReportRunner(
                new TrinoConnections(TrinoConfig.from(stack.settings())),
                stack.newS3Client(),
                LakeSchemas.of("hive", lake.lake()),
                CLOCK);
    }

    private static void markFailed(TestStack stack, TransformFixture lake, LocalDate day) {
        try (TrinoSession trino = new TrinoSession(new TrinoConnections(TrinoConfig.from(stack.settings())))) {
            new Ledger(trino, LakeSchemas.of("hive", lake.lake()), "test-failed-run")
                    .setDays(Ledger.DayKind.EVENT, List.of(day), Ledger.DayStatus.FAILED);
        }
    }

    /** Monday to Friday, 10,000 events a day, with one 5xx burst and one latency spike on every path. */
    private static Manifest generate(TestStack stack, TransformFixture lake) {
        List<Incident> incidents = List.of(
                new Incident(
                        IncidentKind.ERRORS,
                        Instant.parse("2026-10-05T13:10:00Z"),
                        Duration.ofMinutes(20),
                        List.of("/")),
                new Incident(
                        IncidentKind.LATENCY,
                        Instant.parse("2026-10-09T19:00:00Z"),
                        Duration.ofMinutes(30),
                        List.of("/")));
        GenerateOptions options = new GenerateOptions(
                MONDAY,
                5,
                10_000,
                17,
                OutputFormat.COMBINED,
                Compression.GZIP,
                1,
                0.005,
                0.002,
                incidents,
                2,
                GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.empty());
        try (S3Client s3 = stack.newS3Client()) {
            S3ObjectStore store = new S3ObjectStore(s3, lake.lake().rawBucket(), "test stack");
            ProgressReporter silent = new ProgressReporter(
                    "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
            return new GenerateRun(options, store, silent).execute().manifest();
        }
    }
}
