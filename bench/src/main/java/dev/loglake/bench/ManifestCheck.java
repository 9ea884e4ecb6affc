package dev.loglake.bench;

import dev.loglake.generator.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bench's exactness check of a loaded lake against the generator's manifest: per event day the requests,
 * bytes, distinct IPs, visitors, bots and status mix; per arrival day the quarantined lines. (The integration
 * tests check more figures; this is what a bench run can afford on every run.)
 */
final class ManifestCheck {
    private ManifestCheck() {}

    /** Every difference, in words; empty when the lake equals the manifest. */
    static List<String> differences(BenchLake lake, String role, Manifest manifest) {
        List<String> differences = new ArrayList<>();
        Map<String, List<Object>> traffic = new TreeMap<>();
        for (List<Object> row : lake.rows("SELECT CAST(dt AS varchar), requests, response_bytes, distinct_client_ips,"
                + " visitors, bot_requests FROM " + lake.table(role, "marts", "daily_traffic"))) {
            traffic.put((String) row.get(0), row.subList(1, row.size()));
        }
        Map<String, Map<Integer, Long>> statuses = new TreeMap<>();
        for (List<Object> row : lake.rows(
                "SELECT CAST(dt AS varchar), status, requests FROM " + lake.table(role, "marts", "daily_status"))) {
            statuses.computeIfAbsent((String) row.get(0), day -> new TreeMap<>())
                    .put(((Number) row.get(1)).intValue(), ((Number) row.get(2)).longValue());
        }
        manifest.eventDates().forEach((day, expected) -> {
            List<Object> expectedTraffic = List.of(
                    expected.validEvents(),
                    expected.responseBytes(),
                    expected.distinctClientIps(),
                    expected.distinctVisitors(),
                    expected.botEvents());
            List<Object> actual = traffic.get(day);
            if (!expectedTraffic.equals(actual)) {
                differences.add("event day " + day + ": requests, bytes, IPs, visitors, bots are " + actual
                        + ", the manifest says " + expectedTraffic);
            }
            if (!new TreeMap<>(expected.statusCounts()).equals(statuses.get(day))) {
                differences.add("event day " + day + ": status mix " + statuses.get(day) + ", the manifest says "
                        + new TreeMap<>(expected.statusCounts()));
            }
        });
        Map<String, Long> quarantined = new TreeMap<>();
        for (List<Object> row : lake.rows("SELECT CAST(arrival_dt AS varchar), count(*) FROM "
                + lake.table(role, "staging", "quarantine") + " GROUP BY arrival_dt")) {
            quarantined.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        manifest.arrivalDates().forEach((day, arrival) -> {
            long actual = quarantined.getOrDefault(day, 0L);
            if (actual != arrival.malformedLines()) {
                differences.add("arrival day " + day + ": " + actual + " quarantined lines, the manifest says "
                        + arrival.malformedLines() + " malformed");
            }
        });
        return differences;
    }
}
