package dev.loglake.generator.manifest;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth of a generator run: what it wrote, counted as it wrote it. Later stages are checked
 * against it. Dates are ISO strings (yyyy-MM-dd), in order.
 *
 * @param eventDates per event date: the valid events with timestamps on that date
 * @param arrivalDates per arrival date: the objects of that dt= folder
 * @param shop per event date: the shop's visits, orders and revenue by channel and campaign; empty when the run wrote
 *     no shop (generate --shop or --shop-jdbc-url), and in manifests written before the shop existed
 */
public record Manifest(
        int formatVersion,
        RunArguments run,
        Map<String, EventDateStats> eventDates,
        Map<String, ArrivalDateStats> arrivalDates,
        Map<String, List<ChannelDayStats>> shop) {
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        requireNonNull(run, "run is null");
        eventDates = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(eventDates, "eventDates is null")));
        arrivalDates = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(arrivalDates, "arrivalDates is null")));
        shop = Collections.unmodifiableMap(new TreeMap<>(shop == null ? Map.of() : shop));
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "Cannot read manifest: format version " + formatVersion + ", expected " + FORMAT_VERSION);
        }
    }

    /** A manifest of a run that wrote no shop. */
    public Manifest(
            int formatVersion,
            RunArguments run,
            Map<String, EventDateStats> eventDates,
            Map<String, ArrivalDateStats> arrivalDates) {
        this(formatVersion, run, eventDates, arrivalDates, Map.of());
    }

    public long totalValidEvents() {
        return eventDates.values().stream()
                .mapToLong(EventDateStats::validEvents)
                .sum();
    }
}
