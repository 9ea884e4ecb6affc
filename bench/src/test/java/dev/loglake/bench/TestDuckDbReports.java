package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.reports.model.PeriodFigures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer's numbers on a handful of requests whose sessions, bounces and counts are known. */
class TestDuckDbReports {
    @Test
    void computesTheHeadlineOfEachPeriodFromTheFactFiles(@TempDir Path work) throws Exception {
        Path facts = work.resolve("facts");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("COPY (WITH t AS (SELECT * FROM (VALUES"
                    // one visitor: two page views 10 minutes apart (one session), then one 40 minutes later (a bounce)
                    + " ('10.0.0.1', 'Firefox', TIMESTAMP '2026-10-20 10:00:00', '/a', 200, 100, false, true, 1234),"
                    + " ('10.0.0.1', 'Firefox', TIMESTAMP '2026-10-20 10:10:00', '/b', 200, 100, false, true, 1239),"
                    + " ('10.0.0.1', 'Firefox', TIMESTAMP '2026-10-20 10:50:00', '/a', 404, 10, false, false, 56789),"
                    // same IP, another browser: another visitor, one session of two requests at the same instant
                    + " ('10.0.0.1', 'Chrome', TIMESTAMP '2026-10-20 11:00:00', '/c', 200, 5, false, true, 1000),"
                    + " ('10.0.0.1', 'Chrome', TIMESTAMP '2026-10-20 11:00:00', '/d', 500, 5, false, false, 999),"
                    // a bot: its session is not counted
                    + " ('10.0.0.2', 'Googlebot', TIMESTAMP '2026-10-21 09:00:00', '/a', 200, 1, true, false, 123456),"
                    // the previous period
                    + " ('10.0.0.3', 'Safari', TIMESTAMP '2026-10-13 09:00:00', '/a', 200, 7, false, true, 7))"
                    + " AS v(client_ip, user_agent, event_time, path, status, response_bytes, is_bot, is_page_view,"
                    + " response_micros))"
                    + " SELECT *, 'default' AS site, 'x.example' AS referrer_host, 'Other' AS browser_family,"
                    + " 'Other' AS os_family, 'desktop' AS device_class, 'NL' AS country,"
                    + " CAST(event_time AS DATE) AS dt FROM t)"
                    + " TO '" + facts + "' (FORMAT parquet, PARTITION_BY (dt))");
        }

        Map<String, PeriodFigures> headlines = new DuckDbReports(facts, 1)
                .run(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25));

        // Buckets of the current period: 999, 1000, 1230 (1234 and 1239), 56700, 123000. The nearest rank of
        // 50% of 6 is the 3rd (1230 us); of 95% and 99% the 6th (123000 us).
        assertThat(headlines.get("current"))
                .isEqualTo(new PeriodFigures(6, 3, 2, 3, 2, 3, 221, 1, 1, 1, 1.23f, 123f, 123f));
        assertThat(headlines.get("previous"))
                .isEqualTo(new PeriodFigures(1, 1, 1, 1, 1, 1, 7, 0, 0, 0, 0.007f, 0.007f, 0.007f));
    }
}
