package dev.loglake.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * Report-style queries on a lake's marts, as the executive summary and a BI dashboard run them: the headline
 * figures of a week, a day's status mix, latency, top paths, referrers, audience and hourly curve. Each reads
 * only days whose latest status is complete, as reports do (a day being rewritten is not complete).
 */
public final class ReportQueries {
    private ReportQueries() {}

    /**
     * The queries for the week that ends on {@code lastDay}.
     *
     * @param marts the marts schema, qualified with its catalog, e.g. {@code hive.bench_lake_marts}
     * @param ledger the ledger schema, qualified the same way
     */
    public static List<String> forWeek(String marts, String ledger, LocalDate lastDay) {
        String from = "DATE '" + lastDay.minusDays(6) + "'";
        String to = "DATE '" + lastDay + "'";
        String complete = " AND dt IN (SELECT dt FROM (SELECT dt, max_by(status, updated_at) AS status FROM " + ledger
                + ".day_status WHERE kind = 'event' GROUP BY dt) WHERE status = 'complete')";
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
                "SELECT path, sum(requests) FROM " + marts + ".daily_top_paths" + week
                        + " GROUP BY path ORDER BY 2 DESC LIMIT 20",
                "SELECT referrer_host, sum(requests) FROM " + marts + ".daily_top_referrers" + week
                        + " GROUP BY referrer_host ORDER BY 2 DESC LIMIT 10",
                "SELECT dimension, value, sum(requests) FROM " + marts + ".daily_audience_mix" + week
                        + " GROUP BY dimension, value ORDER BY 1, 3 DESC",
                "SELECT hour, sum(requests), sum(server_error_requests) FROM " + marts + ".hourly_traffic" + day
                        + " GROUP BY hour ORDER BY hour");
    }
}
