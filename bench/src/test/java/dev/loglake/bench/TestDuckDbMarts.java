package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB ports of the marts: one for every mart of the lake, computing the lake's definitions (sessions by the
 * 30-minute rule, nearest-rank percentiles over the buckets, status classes) on a handful of facts whose figures
 * are counted by hand here.
 */
class TestDuckDbMarts {
    @TempDir
    Path work;

    @Test
    void everyMartOfTheLakeHasAPortInTheLakesOrder() {
        List<String> lakeMarts = ModelCatalog.lake().all(ModelKind.MODEL, "marts").stream()
                .filter(model -> !model.readsOtherCatalog())
                .map(Model::name)
                .filter(mart -> !mart.equals("fact_requests"))
                .toList();

        assertThat(DuckDbMarts.ofLake(1).marts()).isEqualTo(lakeMarts);
        assertThat(lakeMarts).contains("daily_traffic", "sessions", "daily_audience_mix");
        assertThat(DuckDbMarts.ofLake(1).marts())
                .as("marts joined with another database (the shop's) are not the peer's")
                .doesNotContain("conversions");
    }

    @Test
    void aMartWithoutAPortIsNamed() {
        assertThatThrownBy(() -> MartPort.of("daily_conversions"))
                .hasMessageContaining("sql/marts/daily_conversions.sql has no DuckDB port")
                .hasMessageContaining("/dev/loglake/bench/duckdb/marts/daily_conversions.sql");
    }

    @Test
    void computesTheHeadlineSessionsAndStatusesOfEachDayAsTheLakeDefinesThem() throws Exception {
        Path facts = writeFacts();
        DuckDbMarts marts = DuckDbMarts.ofLake(1);

        DuckDbMarts.Run run = marts.run(facts, work.resolve("marts"));
        Map<String, MartFigures> figures = marts.figures(work.resolve("marts"));

        assertThat(run.rows()).containsEntry("daily_traffic", 2L).containsEntry("sessions", 5L);
        assertThat(figures.get("daily_traffic").days())
                .containsEntry(
                        "2026-11-02",
                        figures("row_count=1 requests=5 page_views=2 visitors=3 distinct_client_ips=3 sessions=3"
                                + " bounced_sessions=2 response_bytes=360 bot_requests=1"
                                + " client_error_requests=1 server_error_requests=1 p50_micros=1230"
                                + " p95_micros=123000 p99_micros=123000"))
                .containsEntry(
                        "2026-11-03",
                        figures("row_count=1 requests=1 page_views=1 visitors=1 distinct_client_ips=1 sessions=1"
                                + " bounced_sessions=1 response_bytes=100 bot_requests=0 client_error_requests=0"
                                + " server_error_requests=0 p50_micros=2000 p95_micros=2000 p99_micros=2000"));
        assertThat(figures.get("sessions").days().get("2026-11-02"))
                .isEqualTo(figures("row_count=4 requests=5 page_views=2 people=3 bounced_people=2"
                        + " duration_seconds=600 response_bytes=360 with_entry_page=1 entry_is_exit=0"));
        assertThat(figures.get("daily_status").days().get("2026-11-02"))
                .isEqualTo(figures("row_count=3 requests=5 status_weighted=1504 server_error_requests=1"
                        + " client_error_requests=1"));
        assertThat(figures.get("daily_paths").days().get("2026-11-02"))
                .as("/home (2 requests) ranks first, the others (1 each) by path")
                .isEqualTo(figures("row_count=4 requests=5 rank_weighted=11"));
    }

    /** A, B and C on 2 November: A's third request is 50 minutes after its second, so it opens a new session. */
    private Path writeFacts() throws Exception {
        Path facts = work.resolve("facts");
        String chrome = "'Mozilla/5.0 Chrome/120'";
        String columns = "(event_time, client_ip, user_agent, is_bot, path, is_page_view, response_bytes, status,"
                + " response_micros, referrer_host, browser_family, os_family, device_class, country, path_group, dt)";
        String rows = String.join(
                ",\n",
                row("2026-11-02 10:00:00", "'10.0.0.1'", chrome, false, "/home", true, 100, 200, "1234", "'a.com'"),
                row("2026-11-02 10:10:00", "'10.0.0.1'", chrome, false, "/products", true, 200, 200, "5678", "NULL"),
                row("2026-11-02 11:00:00", "'10.0.0.1'", chrome, false, "/home", false, 50, 404, "NULL", "NULL"),
                row(
                        "2026-11-02 10:05:00",
                        "'10.0.0.2'",
                        "'Googlebot/2.1'",
                        true,
                        "/robots.txt",
                        false,
                        10,
                        200,
                        "999",
                        "NULL"),
                row("2026-11-02 12:00:00", "'10.0.0.3'", "NULL", false, "/api/x", false, 0, 500, "123456", "NULL"),
                row("2026-11-03 00:00:01", "'10.0.0.1'", chrome, false, "/home", true, 100, 200, "2000", "NULL"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT * FROM (VALUES " + rows + ") AS t " + columns + ") TO " + DuckDbEtl.literal(facts)
                    + " (FORMAT parquet, PARTITION_BY (dt))");
        }
        return facts;
    }

    private static String row(
            String time,
            String ip,
            String agent,
            boolean bot,
            String path,
            boolean pageView,
            int bytes,
            int status,
            String micros,
            String referrer) {
        return String.format(
                "(TIMESTAMP '%s', %s, %s, %s, '%s', %s, %d::BIGINT, %d, %s::BIGINT, %s, 'Chrome', 'Windows', 'desktop',"
                        + " 'NL', '/' || split_part('%s', '/', 2), DATE '%s')",
                time, ip, agent, bot, path, pageView, bytes, status, micros, referrer, path, time.substring(0, 10));
    }

    private static Map<String, BigDecimal> figures(String text) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (String pair : text.split(" ")) {
            String[] parts = pair.split("=");
            figures.put(parts[0], new BigDecimal(parts[1]));
        }
        return figures;
    }
}
