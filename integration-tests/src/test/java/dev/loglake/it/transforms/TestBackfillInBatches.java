package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.config.TransformConfig;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backfill of more days than Trino writes in one statement (100 partitions per writer, the Hive connector's
 * default) loads in batches, and the lake still equals the manifest on every day. The test first shows that the
 * limit is real on this stack: one statement writing every day of the backfill is refused.
 */
@ExtendWith(LocalStackExtension.class)
class TestBackfillInBatches {
    private static final LocalDate START = LocalDate.of(2036, 1, 1);
    private static final int DAYS = 105;
    private static final int BATCH_DAYS = 60;
    private static final long MAX_ROWS_PER_WRITE = 12_000;

    @Test
    void aBackfillBeyondTrinosPartitionLimitLoadsInBatchesExactly(TestStack stack) throws SQLException {
        // Two batches prove the batching as well as four, at half the cost of the statements per batch. The row
        // budget (about 40 days of these small days) cuts the 60-day batch again for the marts.
        TransformFixture lake = new TransformFixture(
                stack,
                "backfill",
                Map.of(
                        TransformConfig.BATCH_DAYS,
                        Integer.toString(BATCH_DAYS),
                        TransformConfig.MAX_ROWS_PER_WRITE,
                        Long.toString(MAX_ROWS_PER_WRITE)));
        Manifest manifest = lake.generate(START, DAYS, 300, 0.01, 0.002);

        TransformSummary summary = lake.transform(TransformRequest.pending());

        assertThat(summary.arrivalDays()).hasSize(DAYS).startsWith(START).endsWith(START.plusDays(DAYS - 1));
        assertThat(summary.eventDays()).hasSize(DAYS);
        assertFactLoadsStayedUnderTheLimit(lake, summary);
        assertEveryDayMatches(lake, manifest);
        assertOneStatementForEveryDayIsRefused(stack, lake);
    }

    /**
     * The ledger's fact_requests jobs of the run: several, each writing at most 100 days and reading about the row
     * budget (a few late rows of the next batch may come on top of the staged estimate), together every day.
     */
    private static void assertFactLoadsStayedUnderTheLimit(TransformFixture lake, TransformSummary summary)
            throws SQLException {
        List<List<Object>> loads = lake.rows("SELECT partitions, rows_written FROM " + lake.table("ledger", "job_runs")
                + " WHERE run_id = '" + summary.runId() + "' AND job = 'marts/fact_requests.sql'"
                + " AND status = 'succeeded' ORDER BY started_at");
        // 105 days of about 300 requests are about 31,500 rows: three ranges or more under a budget of 12,000.
        assertThat(loads).as("fact_requests loads of the backfill").hasSizeGreaterThanOrEqualTo(3);
        List<String> partitions = loads.stream().map(row -> (String) row.get(0)).toList();
        assertThat(loads).allSatisfy(load -> assertThat(((Number) load.get(1)).longValue())
                .as("rows of %s", load.get(0))
                .isLessThanOrEqualTo(MAX_ROWS_PER_WRITE * 11 / 10));
        long written = 0;
        for (String range : partitions) {
            String[] bounds = range.substring("dt=".length()).split("\\.\\.");
            long days =
                    ChronoUnit.DAYS.between(LocalDate.parse(bounds[0]), LocalDate.parse(bounds[bounds.length - 1])) + 1;
            assertThat(days).as("days written by one load (%s)", range).isLessThanOrEqualTo(100);
            written += days;
        }
        assertThat(written).as("days written over all loads").isGreaterThanOrEqualTo(DAYS);
    }

    /** The headline figures and the quarantine of all 105 days, in two queries rather than hundreds. */
    private static void assertEveryDayMatches(TransformFixture lake, Manifest manifest) throws SQLException {
        Map<String, List<Object>> loaded = new TreeMap<>();
        lake.rows("SELECT CAST(dt AS varchar), requests, response_bytes, distinct_client_ips, visitors, bot_requests"
                        + " FROM " + lake.table("marts", "daily_traffic"))
                .forEach(row -> loaded.put((String) row.get(0), row.subList(1, row.size())));
        Map<String, List<Object>> expected = new TreeMap<>();
        manifest.eventDates().forEach((date, stats) -> expected.put(date, figures(stats)));
        assertThat(loaded).as("daily traffic of every day").isEqualTo(expected);

        Map<String, Long> quarantined = new TreeMap<>();
        lake.rows("SELECT CAST(arrival_dt AS varchar), count(*) FROM " + lake.table("staging", "quarantine")
                        + " GROUP BY arrival_dt")
                .forEach(row -> quarantined.put((String) row.get(0), (Long) row.get(1)));
        Map<String, Long> malformed = new TreeMap<>();
        manifest.arrivalDates().forEach((date, arrival) -> {
            if (arrival.malformedLines() > 0) {
                malformed.put(date, arrival.malformedLines());
            }
        });
        assertThat(quarantined).as("quarantined lines per arrival day").isEqualTo(malformed);
    }

    private static List<Object> figures(EventDateStats stats) {
        return List.of(
                stats.validEvents(),
                stats.responseBytes(),
                stats.distinctClientIps(),
                stats.distinctVisitors(),
                stats.botEvents());
    }

    /**
     * Without batches the load could not be sure to work: Trino refuses one INSERT that writes all the days through
     * one writer. (The limit is per writer; with several writers per node a statement may pass, but how Trino
     * spreads partitions over writers is its own choice, so the runner never relies on it.)
     */
    private static void assertOneStatementForEveryDayIsRefused(TestStack stack, TransformFixture lake)
            throws SQLException {
        String probe = lake.table("marts", "one_statement_probe");
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            statement.execute("CREATE TABLE " + probe + " WITH (format = 'PARQUET', partitioned_by = ARRAY['dt'])"
                    + " AS SELECT path, dt FROM " + lake.table("marts", "fact_requests") + " WITH NO DATA");
            statement.execute("SET SESSION task_max_writer_count = 1");
            assertThatThrownBy(() -> statement.execute(
                            "INSERT INTO " + probe + " SELECT path, dt FROM " + lake.table("marts", "fact_requests")))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Exceeded limit of 100 open writers for partitions");
            statement.execute("DROP TABLE " + probe);
        }
    }
}
