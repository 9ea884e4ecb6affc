package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.model.PeriodFigures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer of the reports stage: DuckDB, in this JVM, computing the executive summary's numbers for a period and
 * the one before it directly from local copies of {@code marts.fact_requests}' Parquet files: the headline
 * figures (sessions cut by the 30-minute rule of {@code sql/marts/sessions.sql}, since the detail data has no
 * sessions), the status mix, the traffic by day and by hour, the top pages and referrers and the audience mix.
 * Every result is read to the end, as the report reads Trino's.
 */
final class DuckDbReports {
    private final Path factDirectory;
    private final int threads;

    DuckDbReports(Path factDirectory, int threads) {
        this.factDirectory = requireNonNull(factDirectory, "factDirectory is null");
        this.threads = threads;
    }

    /**
     * Computes every number of the summary of [currentFrom, to], with [previousFrom, currentFrom) as the previous
     * period, and returns the headline figures of each ('current', 'previous'), as the report's kpis.sql does.
     */
    Map<String, PeriodFigures> run(LocalDate previousFrom, LocalDate currentFrom, LocalDate to) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("CREATE TEMP VIEW f AS SELECT *, IF(dt >= " + date(currentFrom)
                    + ", 'current', 'previous') AS period FROM read_parquet("
                    + DuckDbEtl.literal(factDirectory.resolve("**/*.parquet"))
                    + ", hive_partitioning = true) WHERE dt BETWEEN " + date(previousFrom) + " AND " + date(to));
            Map<String, PeriodFigures> headlines = headlines(sql);
            for (String query : detailQueries()) {
                drain(sql, query);
            }
            return headlines;
        } catch (SQLException e) {
            throw LoglakeException.external(
                    "DuckDB failed on the fact copies in " + factDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, PeriodFigures> headlines(Statement sql) throws SQLException {
        Map<String, PeriodFigures> headlines = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery(HEADLINE)) {
            while (rows.next()) {
                headlines.put(
                        rows.getString("period"),
                        new PeriodFigures(
                                rows.getLong("requests"),
                                rows.getLong("visitors"),
                                rows.getLong("distinct_client_ips"),
                                rows.getLong("sessions"),
                                rows.getLong("bounced_sessions"),
                                rows.getLong("page_views"),
                                rows.getLong("response_bytes"),
                                rows.getLong("client_error_requests"),
                                rows.getLong("server_error_requests"),
                                rows.getLong("bot_requests"),
                                rows.getFloat("p50_ms"),
                                rows.getFloat("p95_ms"),
                                rows.getFloat("p99_ms")));
            }
        }
        return headlines;
    }

    private static void drain(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    rows.getObject(column);
                }
            }
        }
    }

    private static String date(LocalDate day) {
        return "DATE '" + day + "'";
    }

    /**
     * The headline, as sql/reports/kpis.sql over the marts (all sites); sessions as sql/marts/sessions.sql builds
     * them, within one site.
     */
    private static final String HEADLINE =
            """
            WITH ordered AS (
                SELECT period, dt, site, client_ip, coalesce(user_agent, '') AS ua, is_bot, is_page_view, event_time,
                    lag(event_time) OVER (PARTITION BY dt, site, client_ip, coalesce(user_agent, '')
                        ORDER BY event_time) AS previous_time
                FROM f
            ),
            numbered AS (
                -- RANGE, so that requests of the same instant share a session whatever order they sort in.
                SELECT *, sum(CASE WHEN previous_time IS NULL OR event_time - previous_time >= INTERVAL 30 MINUTE
                        THEN 1 ELSE 0 END) OVER (PARTITION BY dt, site, client_ip, ua ORDER BY event_time
                        RANGE UNBOUNDED PRECEDING) AS session_number
                FROM ordered
            ),
            sessions AS (
                SELECT period, bool_or(is_bot) AS is_bot, count_if(is_page_view) <= 1 AS is_bounce
                FROM numbered GROUP BY period, dt, site, client_ip, ua, session_number
            ),
            session_counts AS (
                SELECT period, count_if(NOT is_bot) AS sessions, count_if(NOT is_bot AND is_bounce) AS bounced_sessions
                FROM sessions GROUP BY period
            ),
            requests AS (
                SELECT period, count(*) AS requests,
                    count(DISTINCT (client_ip, coalesce(user_agent, ''))) AS visitors,
                    count(DISTINCT client_ip) AS distinct_client_ips,
                    count_if(is_page_view) AS page_views, sum(response_bytes) AS response_bytes,
                    count_if(status BETWEEN 400 AND 499) AS client_error_requests,
                    count_if(status BETWEEN 500 AND 599) AS server_error_requests,
                    count_if(is_bot) AS bot_requests
                FROM f GROUP BY period
            ),
            buckets AS (
                -- Response times floored to three significant digits, as sql/marts/daily_response_times.sql.
                SELECT period, response_micros - response_micros
                        % CAST(power(10, greatest(length(CAST(response_micros AS VARCHAR)) - 3, 0)) AS BIGINT)
                        AS bucket, count(*) AS requests
                FROM f WHERE response_micros IS NOT NULL GROUP BY ALL
            ),
            running AS (
                SELECT period, bucket,
                    sum(requests) OVER (PARTITION BY period ORDER BY bucket ROWS UNBOUNDED PRECEDING) AS running,
                    sum(requests) OVER (PARTITION BY period) AS timed
                FROM buckets
            ),
            percentiles AS (
                -- The nearest rank, as sql/reports/kpis.sql reads it.
                SELECT period,
                    CAST(min(bucket) FILTER (WHERE 100 * running >= 50 * timed) / 1e3 AS FLOAT) AS p50_ms,
                    CAST(min(bucket) FILTER (WHERE 100 * running >= 95 * timed) / 1e3 AS FLOAT) AS p95_ms,
                    CAST(min(bucket) FILTER (WHERE 100 * running >= 99 * timed) / 1e3 AS FLOAT) AS p99_ms
                FROM running GROUP BY period
            )
            SELECT * FROM requests JOIN session_counts USING (period) LEFT JOIN percentiles USING (period)
            """;

    /** The rest of the summary: status mix, traffic by day and hour, top pages and referrers, audience mix. */
    private static List<String> detailQueries() {
        String current = " FROM f WHERE period = 'current'";
        String ranked = "SELECT * FROM (SELECT *, row_number() OVER (ORDER BY requests DESC, %1$s) AS r FROM"
                + " (SELECT %1$s, count(*) AS requests" + current + " GROUP BY %1$s)) WHERE r <= 20";
        String mix = "SELECT '%1$s' AS dimension, coalesce(%1$s, 'unknown') AS value, count(*) AS requests" + current
                + " GROUP BY 2";
        return List.of(
                "SELECT status, count(*)" + current + " GROUP BY status ORDER BY status",
                "SELECT dt, count(*), count_if(is_page_view), count_if(status >= 500),"
                        + " quantile_cont(response_micros / 1000.0, 0.95)" + current + " GROUP BY dt ORDER BY dt",
                "SELECT dt, hour(event_time) AS h, count(*), count_if(is_page_view), count_if(status >= 500),"
                        + " quantile_cont(response_micros / 1000.0, 0.95)" + current + " GROUP BY dt, h ORDER BY dt, h",
                String.format(ranked, "path"),
                String.format(ranked.replace(current, current + " AND referrer_host IS NOT NULL"), "referrer_host"),
                "SELECT * FROM (SELECT *, requests / sum(requests) OVER (PARTITION BY dimension) AS share,"
                        + " row_number() OVER (PARTITION BY dimension ORDER BY requests DESC, value) AS r FROM ("
                        + String.join(
                                " UNION ALL ",
                                String.format(mix, "browser_family"),
                                String.format(mix, "os_family"),
                                String.format(mix, "device_class"),
                                String.format(mix, "country"))
                        + ")) WHERE r <= 8");
    }
}
