package dev.loglake.generator.generate;

import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.store.ObjectStore;
import dev.loglake.lake.RawLayout;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-hour completion markers: written after all of an hour's objects are uploaded, named by the run's
 * fingerprint. A rerun with the same arguments skips the hours that carry its fingerprint and writes only
 * the missing ones.
 */
final class CompletionMarkers {
    private static final Pattern MARKER =
            Pattern.compile(".*/dt=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})/([0-9a-f]+)\\.done");

    private final ObjectStore store;
    private final String keyPrefix;
    private final OutputFormat format;
    private final String site;
    private final String fingerprint;

    CompletionMarkers(ObjectStore store, String keyPrefix, OutputFormat format, String site, String fingerprint) {
        this.store = store;
        this.keyPrefix = keyPrefix;
        this.format = format;
        this.site = site;
        this.fingerprint = fingerprint;
    }

    /** "2026-11-01/05" for every hour already completed with this fingerprint. */
    Set<String> completedHours() {
        Set<String> hours = new HashSet<>();
        for (String key : store.list(keyPrefix + "markers/access/" + format.folder() + "/")) {
            Matcher matcher = MARKER.matcher(key);
            if (matcher.matches() && matcher.group(3).equals(fingerprint)) {
                hours.add(matcher.group(1) + "/" + matcher.group(2));
            }
        }
        return hours;
    }

    static String hourId(LocalDate date, int hour) {
        return date + "/" + String.format(java.util.Locale.ROOT, "%02d", hour);
    }

    /** Removes objects an earlier run left in the hour (it had more parts), then marks the hour complete. */
    void complete(HourPlan plan, List<String> keys) {
        String hourPrefix = RawLayout.hourPrefix(keyPrefix, format.folder(), site, plan.date(), plan.hour());
        List<String> stale = store.list(hourPrefix).stream()
                .filter(key -> key.substring(hourPrefix.length()).startsWith(GeneratedKeys.GENERATED_NAME_PREFIX))
                .filter(key -> !keys.contains(key))
                .toList();
        if (!stale.isEmpty()) {
            store.delete(stale);
        }
        String marker = GeneratedKeys.markerKey(keyPrefix, format, site, plan.date(), plan.hour(), fingerprint);
        store.put(marker, String.join("\n", keys).concat("\n").getBytes(StandardCharsets.UTF_8));
        List<String> otherMarkers =
                store.list(RawLayout.markerFolder(keyPrefix, format.folder(), site, plan.date(), plan.hour())).stream()
                        .filter(key -> !key.equals(marker))
                        .toList();
        if (!otherMarkers.isEmpty()) {
            store.delete(otherMarkers);
        }
    }
}
