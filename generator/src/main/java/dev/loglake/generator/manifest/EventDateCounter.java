package dev.loglake.generator.manifest;

import dev.loglake.generator.model.AccessEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the valid events of one event date as they are generated. Visitors and addresses are counted by
 * the model's keys, which are one-to-one with (IP, user agent) pairs and IP strings; the tests recount the
 * written objects by their strings. Not thread-safe: one per worker, merged at the end.
 */
public final class EventDateCounter {
    private final List<String> paths;
    private final boolean userAgentKept;
    private final long[] statusCounts = new long[600];
    private final long[] pathCounts;
    private final LongSet clientIps = new LongSet();
    private final LongSet visitors = new LongSet();
    private long validEvents;
    private long responseBytes;
    private long botEvents;
    private long lateEvents;
    private long lastVisitor = Long.MIN_VALUE;

    /**
     * @param paths the site map's paths, by path id
     * @param userAgentKept whether the format logs the user agent (OutputFormat.keepsUserAgent): without it, a
     *     visitor is an address, as the lake counts (client IP, no user agent), and no request is a bot's
     */
    public EventDateCounter(List<String> paths, boolean userAgentKept) {
        this.paths = paths;
        this.userAgentKept = userAgentKept;
        this.pathCounts = new long[paths.size()];
    }

    public void add(AccessEvent event, boolean late) {
        validEvents++;
        statusCounts[event.status()]++;
        responseBytes += event.bytes();
        pathCounts[event.resource().pathId()]++;
        // A visitor's requests come in runs (a page and its assets): skip the set for the repeats.
        if (event.visitor().key() != lastVisitor) {
            lastVisitor = event.visitor().key();
            clientIps.add(event.visitor().ipKey());
            visitors.add(userAgentKept ? event.visitor().key() : event.visitor().ipKey());
        }
        if (userAgentKept && event.visitor().bot()) {
            botEvents++;
        }
        if (late) {
            lateEvents++;
        }
    }

    public void addAll(EventDateCounter other) {
        validEvents += other.validEvents;
        responseBytes += other.responseBytes;
        botEvents += other.botEvents;
        lateEvents += other.lateEvents;
        for (int i = 0; i < statusCounts.length; i++) {
            statusCounts[i] += other.statusCounts[i];
        }
        for (int i = 0; i < pathCounts.length; i++) {
            pathCounts[i] += other.pathCounts[i];
        }
        clientIps.addAll(other.clientIps);
        visitors.addAll(other.visitors);
    }

    public EventDateStats toStats() {
        Map<Integer, Long> statuses = new TreeMap<>();
        for (int status = 0; status < statusCounts.length; status++) {
            if (statusCounts[status] > 0) {
                statuses.put(status, statusCounts[status]);
            }
        }
        List<PathCount> counted = new ArrayList<>();
        for (int id = 0; id < pathCounts.length; id++) {
            if (pathCounts[id] > 0) {
                counted.add(new PathCount(paths.get(id), pathCounts[id]));
            }
        }
        return new EventDateStats(
                validEvents,
                statuses,
                responseBytes,
                clientIps.size(),
                visitors.size(),
                topPaths(counted),
                botEvents,
                lateEvents);
    }

    /** By count descending, then path ascending (in UTF-16 order, which is byte order for ASCII paths). */
    public static List<PathCount> topPaths(List<PathCount> counts) {
        return counts.stream()
                .sorted(Comparator.comparingLong(PathCount::count).reversed().thenComparing(PathCount::path))
                .limit(EventDateStats.TOP_PATHS)
                .toList();
    }
}
