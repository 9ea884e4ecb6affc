package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.PathCount;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares the loaded tables of a lake with the generator's manifest, figure by figure. */
public final class ManifestChecks {
    private ManifestChecks() {}

    /** Every event date and every arrival date of the manifest. */
    public static void assertLakeMatches(TransformFixture lake, Manifest manifest) {
        manifest.eventDates().forEach((date, expected) -> assertDayMatches(lake, date, expected));
        manifest.arrivalDates().forEach((date, arrival) -> {
            try {
                assertThat(lake.single("SELECT count(*) FROM " + lake.table("staging", "quarantine")
                                + " WHERE arrival_dt = DATE '" + date + "'"))
                        .as("malformed lines arriving on " + date)
                        .isEqualTo(arrival.malformedLines());
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    public static void assertDayMatches(TransformFixture lake, String date, EventDateStats expected) {
        try {
            String day = " WHERE dt = DATE '" + date + "'";
            List<Object> traffic = lake.rows(
                            "SELECT requests, response_bytes, distinct_client_ips, visitors, bot_requests FROM "
                                    + lake.table("marts", "daily_traffic") + day)
                    .get(0);
            assertThat(traffic)
                    .as("requests, bytes, distinct IPs, visitors, bots on " + date)
                    .containsExactly(
                            expected.validEvents(),
                            expected.responseBytes(),
                            expected.distinctClientIps(),
                            expected.distinctVisitors(),
                            expected.botEvents());

            Map<Integer, Long> statuses = new TreeMap<>();
            lake.rows("SELECT status, requests FROM " + lake.table("marts", "daily_status") + day)
                    .forEach(row -> statuses.put((Integer) row.get(0), (Long) row.get(1)));
            assertThat(statuses).as("status mix on " + date).isEqualTo(new TreeMap<>(expected.statusCounts()));

            List<PathCount> topPaths = lake
                    .rows("SELECT path, requests FROM " + lake.table("marts", "daily_paths") + day
                            + " AND path_rank <= " + EventDateStats.TOP_PATHS + " ORDER BY path_rank")
                    .stream()
                    .map(row -> new PathCount((String) row.get(0), (Long) row.get(1)))
                    .toList();
            assertThat(topPaths).as("top paths on " + date).isEqualTo(expected.topPaths());

            assertThat(lake.single("SELECT count(*) FROM " + lake.table("marts", "fact_requests") + day
                            + " AND arrival_dt > dt"))
                    .as("late events of " + date)
                    .isEqualTo(expected.lateEvents());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
