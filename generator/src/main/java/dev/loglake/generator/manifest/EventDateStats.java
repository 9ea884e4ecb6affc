package dev.loglake.generator.manifest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth of one event date (the UTC date of the events' timestamps), over valid events only,
 * wherever they arrived.
 *
 * @param statusCounts events by HTTP status
 * @param distinctVisitors distinct (client IP, user agent) pairs
 * @param topPaths the 20 most requested paths, by count descending, then path ascending
 * @param botEvents events whose user agent the bot rule classifies as a bot
 * @param lateEvents events of this date that were written into a later arrival date's objects
 */
public record EventDateStats(
        long validEvents,
        Map<Integer, Long> statusCounts,
        long responseBytes,
        long distinctClientIps,
        long distinctVisitors,
        List<PathCount> topPaths,
        long botEvents,
        long lateEvents) {
    public static final int TOP_PATHS = 20;

    public EventDateStats {
        statusCounts = java.util.Collections.unmodifiableMap(
                new TreeMap<>(requireNonNull(statusCounts, "statusCounts is null")));
        topPaths = List.copyOf(topPaths);
        long sum = statusCounts.values().stream().mapToLong(Long::longValue).sum();
        if (sum != validEvents) {
            throw new IllegalArgumentException(
                    "status counts sum to " + sum + ", not to the " + validEvents + " valid events");
        }
        if (topPaths.size() > TOP_PATHS) {
            throw new IllegalArgumentException("more than " + TOP_PATHS + " top paths");
        }
    }
}
