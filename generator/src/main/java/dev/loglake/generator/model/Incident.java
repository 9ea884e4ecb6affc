package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A time window in which requests to some paths fail or slow down, so that reports have something to find.
 *
 * @param pathPrefixes the request paths affected start with one of these; "/" affects every path
 */
public record Incident(IncidentKind kind, Instant start, Duration duration, List<String> pathPrefixes) {
    /** Share of the affected requests that fail during an {@link IncidentKind#ERRORS} incident. */
    public static final double ERROR_RATE = 0.45;
    /** How many times slower affected requests are during a {@link IncidentKind#LATENCY} incident. */
    public static final double SLOWDOWN = 12;

    public Incident {
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(duration, "duration is null");
        pathPrefixes = List.copyOf(pathPrefixes);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("incident duration must be positive: " + duration);
        }
        if (pathPrefixes.isEmpty()) {
            throw new IllegalArgumentException("an incident affects at least one path prefix");
        }
        for (String prefix : pathPrefixes) {
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("incident path prefix must start with '/': " + prefix);
            }
        }
    }

    public boolean affects(long timeMillis, String target) {
        long from = start.toEpochMilli();
        if (timeMillis < from || timeMillis >= from + duration.toMillis()) {
            return false;
        }
        for (String prefix : pathPrefixes) {
            if (target.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The form the --incident flag takes: KIND,START,DURATION,PREFIX[,PREFIX...]. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "," + start + "," + duration + ","
                + String.join(",", pathPrefixes);
    }
}
