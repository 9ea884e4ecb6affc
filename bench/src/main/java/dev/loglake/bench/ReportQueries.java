package dev.loglake.bench;

import dev.loglake.lake.sql.SqlValue;
import java.time.LocalDate;
import java.util.List;

/**
 * Report-style queries on a lake's marts, as the executive summary and a BI dashboard run them: the headline
 * figures of a week, a day's status mix, latency, top paths, referrers, audience and hourly curve.
 *
 * <p>Reports read only complete days. The complete days are looked up first and the report queries name them
 * as literals, so that Trino prunes the partitions when it plans: with the lookup as a subquery, Trino listed
 * the files of a day that a transform was rewriting and failed when they were deleted under it ("Error opening
 * Hive split", measured by {@code loglake bench}).
 */
public final class ReportQueries {
    /** The placeholder for the complete days in {@link #forWeek}'s queries. */
    static final String COMPLETE_DAYS = "{{complete_days}}";

    private ReportQueries() {}

    /** The complete event days of the lake whose ledger schema is {@code ledger} (qualified with its catalog). */
    public static String completeDays(String ledger) {
        // The one definition of a complete day: the ledger's view (sql/ledger/latest_day_status.sql).
        return "SELECT CAST(dt AS varchar) FROM " + ledger + ".latest_day_status WHERE kind = 'event' AND is_complete";
    }

    /** Binds the complete days (dates from the ledger, rendered as DATE literals) into a report query. */
    static String bind(String query, List<LocalDate> completeDays) {
        return query.replace(COMPLETE_DAYS, SqlValue.Dates.of(completeDays).render());
    }

    /**
     * The queries for the week that ends on {@code lastDay}, with {@link #COMPLETE_DAYS} to bind.
     *
     * @param marts the marts schema, qualified with its catalog, e.g. {@code hive.bench_lake_marts}
     */
    public static List<String> forWeek(String marts, LocalDate lastDay) {
        String from = "DATE '" + lastDay.minusDays(6) + "'";
        String to = "DATE '" + lastDay + "'";
        String complete = " AND dt IN (" + COMPLETE_DAYS + ")";
        String week = " WHERE dt BETWEEN " + from + " AND " + to + complete;
        String day = " WHERE dt = " + to + complete;
        return List.of(
                "SELECT sum(requests), sum(page_views), sum(visitors), sum(response_bytes), sum(client_error_requests),"
                        + " sum(server_error_requests), max(p95_ms), sum(bot_requests) FROM " + marts + ".daily_traffic"
                        + week,
                "SELECT status_class, sum(requests) FROM " + marts + ".daily_status" + week
                        + " GROUP BY status_class ORDER BY 2 DESC",
                "SELECT path_group, max(p50_ms), max(p95_ms), max(p99_ms) FROM " + marts + ".daily_latency" + day
                        + " GROUP BY path_group ORDER BY 3 DESC LIMIT 10",
                "SELECT path, sum(requests) FROM " + marts + ".daily_paths" + week
                        + " GROUP BY path ORDER BY 2 DESC LIMIT 20",
                "SELECT referrer_host, sum(requests) FROM " + marts + ".daily_referrers" + week
                        + " GROUP BY referrer_host ORDER BY 2 DESC LIMIT 10",
                "SELECT dimension, value, sum(requests) FROM " + marts + ".daily_audience_mix" + week
                        + " GROUP BY dimension, value ORDER BY 1, 3 DESC",
                "SELECT hour, sum(requests), sum(server_error_requests) FROM " + marts + ".hourly_traffic" + day
                        + " GROUP BY hour ORDER BY hour");
    }
}
