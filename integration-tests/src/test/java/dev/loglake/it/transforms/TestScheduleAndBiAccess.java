package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.cli.schedule.PipelineSteps;
import dev.loglake.core.config.CronSchedule;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.PathCount;
import dev.loglake.scheduler.ScheduleLog;
import dev.loglake.scheduler.Scheduler;
import dev.loglake.scheduler.Step;
import dev.loglake.scheduler.TickWaiter;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler's real tick against the stack (its transform step loads what arrived since the last tick),
 * then what DBeaver does with the loaded lake: list catalogs, schemas, tables and columns with their comments,
 * and run the README's example queries, whose results are checked against the generator's manifest.
 * Both use one small lake (two days of 2,000 requests) to keep the suite fast.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestScheduleAndBiAccess {
    private static final LocalDate DAY_ONE = LocalDate.of(2035, 3, 1);
    private static final LocalDate DAY_TWO = DAY_ONE.plusDays(1);
    private static final Map<LocalDate, EventDateStats> truth = new LinkedHashMap<>();

    @Test
    @Order(1)
    void eachRealTickTransformsTheDaysThatArrivedSinceTheLastOne(TestStack stack) {
        TransformFixture lake = lake(stack);
        Manifest first = lake.generate(DAY_ONE, 1, 2_000, 0.0, 0.002);
        List<String> log = new CopyOnWriteArrayList<>();
        Ticks ticks = new Ticks(Instant.parse("2035-03-02T00:58:00Z"));
        Step transform = PipelineSteps.from(lake.settings()).get(0);
        Scheduler scheduler =
                new Scheduler(CronSchedule.parse("0 1 * * *", "test"), List.of(transform), ticks, ticks, recordTo(log));
        // After the first run, the next day's logs arrive; after the second, the test ends the loop.
        ticks.beforeWait(waits -> {
            if (waits == 2) {
                truth.putAll(lake.generate(DAY_TWO, 1, 2_000, 0.0, 0.002).eventDates().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                entry -> LocalDate.parse(entry.getKey()), Map.Entry::getValue)));
            } else if (waits == 3) {
                scheduler.stop();
            }
        });
        first.eventDates().forEach((date, stats) -> truth.put(LocalDate.parse(date), stats));

        scheduler.run();

        assertThat(String.join("\n", log))
                .containsSubsequence(
                        "Run of 2035-03-02 01:00 UTC: starting (transform).",
                        "  transform succeeded",
                        "Run of 2035-03-02 01:00 UTC succeeded",
                        "Next run at 2035-03-03 01:00 UTC",
                        "  transform succeeded",
                        "Scheduler stopped after 2 run(s), 0 of them failed.");
        assertThat(log.stream().filter(line -> line.startsWith("  transform succeeded")))
                .satisfiesExactly(
                        run1 -> assertThat(run1).contains("loaded 1 raw day(s) [" + DAY_ONE + "]"),
                        run2 -> assertThat(run2).contains("loaded 1 raw day(s) [" + DAY_TWO + "]"));
    }

    @Test
    @Order(2)
    void aBiToolSeesDescribedTablesAndTheReadmeQueriesGiveTheManifestsFigures(TestStack stack) throws Exception {
        TransformFixture lake = lake(stack);
        if (truth.isEmpty()) {
            eachRealTickTransformsTheDaysThatArrivedSinceTheLastOne(stack);
        }
        lake.transform(TransformRequest.pending()); // nothing new: views and comments stay as they are

        try (Connection trino = stack.openTrino()) {
            DatabaseMetaData metadata = trino.getMetaData();
            assertThat(strings(metadata.getCatalogs(), "TABLE_CAT")).contains("hive");
            assertThat(strings(metadata.getSchemas("hive", lake.lake().schema("%")), "TABLE_SCHEM"))
                    .contains(schemas(lake, "raw", "staging", "marts", "ledger", "reports"));
            assertDescribed(trino, lake, "staging", List.of("parsed_lines", "quarantine"));
            // The reference list is a view over its latest version, so that readers never see it rebuilt.
            assertThat(tableComments(trino, lake.lake().schema("staging")).get("ip_block_buckets"))
                    .contains("IP-to-country reference list")
                    .contains("(loglake sql/staging/ip_block_buckets.sql, version ");
            assertDescribed(trino, lake, "marts", List.of("fact_requests", "sessions", "daily_traffic"));
            assertDescribed(trino, lake, "ledger", List.of("job_runs", "day_status"));
            assertThat(tableComments(trino, lake.lake().schema("ledger")).get("latest_day_status"))
                    .contains("The one definition of a day's status")
                    .contains("(loglake sql/ledger/latest_day_status.sql, version ");
            assertViews(trino, lake);
        }

        Map<String, String> examples = readmeExamples();
        assertThat(examples.keySet()).containsExactly("last-days", "top-pages", "hours");
        assertLastDays(run(stack, lake, examples.get("last-days")));
        assertTopPages(run(stack, lake, examples.get("top-pages")));
        assertHours(run(stack, lake, examples.get("hours")));
    }

    private static void assertDescribed(Connection trino, TransformFixture lake, String schema, List<String> tables)
            throws SQLException {
        DatabaseMetaData metadata = trino.getMetaData();
        String name = lake.lake().schema(schema);
        List<String> baseTables;
        try (ResultSet rows = metadata.getTables("hive", name, "%", new String[] {"TABLE"})) {
            baseTables = strings(rows, "TABLE_NAME");
            assertThat(baseTables).as("tables of " + name).contains(tables.toArray(String[]::new));
        }
        Map<String, String> comments = tableComments(trino, name);
        assertThat(comments).as("tables of " + name).containsKeys(tables.toArray(String[]::new));
        comments.forEach(
                (table, comment) -> assertThat(comment).as(name + "." + table).isNotBlank());
        try (ResultSet rows = metadata.getColumns("hive", name, "%", "%")) {
            int columns = 0;
            while (rows.next()) {
                if (!baseTables.contains(rows.getString("TABLE_NAME"))) {
                    continue; // a view's columns are described in the view's comment (see assertViews)
                }
                columns++;
                assertThat(rows.getString("REMARKS"))
                        .as(name + "." + rows.getString("TABLE_NAME") + "." + rows.getString("COLUMN_NAME"))
                        .isNotBlank();
            }
            assertThat(columns).as("columns of " + name).isGreaterThan(tables.size());
        }
    }

    private static void assertViews(Connection trino, TransformFixture lake) throws SQLException {
        String name = lake.lake().schema("reports");
        try (ResultSet rows = trino.getMetaData().getTables("hive", name, "%", new String[] {"VIEW"})) {
            assertThat(strings(rows, "TABLE_NAME")).hasSize(8);
        }
        Map<String, String> remarks = tableComments(trino, name);
        assertThat(remarks.keySet())
                .containsExactlyInAnyOrder(
                        "day_status",
                        "served_days",
                        "daily_kpis",
                        "site_daily_kpis",
                        "top_paths",
                        "top_referrers",
                        "traffic_by_hour",
                        "audience_mix");
        assertThat(remarks.get("daily_kpis"))
                .contains("Grain: one row per event day")
                .contains("bounce_rate: Share of sessions with at most one page view")
                .contains("(loglake sql/views/daily_kpis.sql, version ");
    }

    /**
     * The comments of a schema's tables and views, read the way BI tools read them from Trino: its JDBC driver
     * leaves getTables' REMARKS empty (Trino's system.jdbc.tables never fills it), so table comments come from
     * system.metadata.table_comments, while column comments arrive through getColumns.
     */
    private static Map<String, String> tableComments(Connection trino, String schema) throws SQLException {
        Map<String, String> comments = new LinkedHashMap<>();
        try (PreparedStatement statement =
                trino.prepareStatement("SELECT table_name, comment FROM system.metadata.table_comments"
                        + " WHERE catalog_name = 'hive' AND schema_name = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    comments.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return comments;
    }

    /** Seven days at most, newest first; every generated day is complete and equals the manifest. */
    private static void assertLastDays(List<Map<String, Object>> rows) {
        assertThat(rows).hasSize(truth.size());
        for (Map<String, Object> row : rows) {
            LocalDate day = ((java.sql.Date) row.get("dt")).toLocalDate();
            EventDateStats expected = truth.get(day);
            assertThat(expected).as("a manifest day for " + day).isNotNull();
            assertThat(row.get("day_status")).isEqualTo("complete");
            assertThat(row.get("requests")).as("requests on " + day).isEqualTo(expected.validEvents());
            assertThat(row.get("visitors")).as("visitors on " + day).isEqualTo(expected.distinctVisitors());
            long serverErrors = expected.statusCounts().entrySet().stream()
                    .filter(status -> status.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            assertThat((Double) row.get("errors_5xx_pct"))
                    .as("5xx share on " + day)
                    .isCloseTo(
                            100.0 * serverErrors / expected.validEvents(), org.assertj.core.data.Offset.offset(0.0051));
            assertThat((Double) row.get("bots_pct"))
                    .isCloseTo(
                            100.0 * expected.botEvents() / expected.validEvents(),
                            org.assertj.core.data.Offset.offset(0.051));
        }
        assertThat(rows.get(0).get("dt").toString()).isEqualTo(DAY_TWO.toString());
    }

    /** The manifest knows the day's 20 most requested paths; the README shows the first ten. */
    private static void assertTopPages(List<Map<String, Object>> rows) {
        List<PathCount> expected = truth.get(latestDay()).topPaths().subList(0, 10);
        assertThat(rows.stream()
                        .map(row -> new PathCount((String) row.get("path"), (Long) row.get("requests")))
                        .toList())
                .isEqualTo(expected);
        assertThat(rows.stream().map(row -> ((Number) row.get("path_rank")).intValue()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    /** Every request of the day is in one of its hours, and so is every 5xx answer. */
    private static void assertHours(List<Map<String, Object>> rows) {
        EventDateStats expected = truth.get(latestDay());
        assertThat(rows).hasSizeBetween(20, 24);
        assertThat(rows.stream().mapToLong(row -> (Long) row.get("requests")).sum())
                .isEqualTo(expected.validEvents());
        assertThat(rows.stream()
                        .mapToLong(row -> (Long) row.get("server_error_requests"))
                        .sum())
                .isEqualTo(expected.statusCounts().entrySet().stream()
                        .filter(status -> status.getKey() >= 500)
                        .mapToLong(Map.Entry::getValue)
                        .sum());
    }

    private static LocalDate latestDay() {
        return truth.keySet().stream().max(LocalDate::compareTo).orElseThrow();
    }

    /** The queries between the README's bi-example markers, in order. */
    static Map<String, String> readmeExamples() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher matcher = Pattern.compile("<!-- bi-example: ([a-z-]+) -->\\s*```sql\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        Map<String, String> examples = new LinkedHashMap<>();
        while (matcher.find()) {
            examples.put(matcher.group(1), matcher.group(2));
        }
        return examples;
    }

    /** Runs a README query on this lake: its {@code reports.} schema is the lake's prefixed one. */
    private static List<Map<String, Object>> run(TestStack stack, TransformFixture lake, String sql)
            throws SQLException {
        String onThisLake = sql.replaceAll("\\breports\\.", lake.lake().schema("reports") + ".");
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(onThisLake)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static TransformFixture lake(TestStack stack) {
        return new TransformFixture(stack, "bi");
    }

    private static String[] schemas(TransformFixture lake, String... names) {
        return java.util.Arrays.stream(names).map(lake.lake()::schema).toArray(String[]::new);
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(column));
            }
            return values;
        }
    }

    private static ScheduleLog recordTo(List<String> lines) {
        return new ScheduleLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
    }

    /**
     * A clock that jumps to each tick when the scheduler waits, so the test runs two daily ticks at once; the
     * steps themselves run for real against the stack.
     */
    private static final class Ticks extends Clock implements TickWaiter {
        private volatile Instant now;
        private int waits;
        private java.util.function.IntConsumer beforeWait = waits -> {};

        Ticks(Instant start) {
            this.now = start;
        }

        void beforeWait(java.util.function.IntConsumer action) {
            this.beforeWait = action;
        }

        @Override
        public synchronized void awaitUntil(Instant deadline) {
            beforeWait.accept(++waits);
            now = deadline;
        }

        @Override
        public void wakeUp() {}

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
