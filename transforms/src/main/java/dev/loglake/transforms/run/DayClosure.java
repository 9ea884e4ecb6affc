package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.RawLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Whether a raw (arrival) day is closed: no more lines are expected in it. Until it closes a day is open: it loads
 * with status partial, and every run loads it again. A day is closed when every source that has data on that day
 * is closed by its own rule (a day of one source's folders says nothing about another source's). A source's day
 * closes by the first of these rules, all read from S3:
 *
 * <ol>
 *   <li>it was closed by hand: the object {@code markers/access/<format>/[site=<site>/]dt=D/closed} exists in the
 *       raw bucket ({@code loglake transform --date D --close} writes it for every source of the day);
 *   <li>for a source that loglake writes (generate, ingest): every hour 00..23 has a completion marker
 *       ({@code markers/access/<format>/[site=<site>/]dt=D/hour=HH/*.done}, written by the generator once an
 *       hour's objects are stored);
 *   <li>raw data of a later day beyond the lateness window has arrived (a day after D +
 *       {@code transform.lateness-days}): the logs have moved on past the last day that could still add to D. For a
 *       source that loglake writes, a later day of any such source counts (the lake's days, as before sources were
 *       read in place); for a source read in place, only its own later days count: AWS delivers each load balancer's
 *       and distribution's logs on its own, and writes no markers.
 * </ol>
 */
final class DayClosure {
    private static final Pattern HOUR_MARKER = Pattern.compile(".*/hour=([0-2][0-9])/[^/]+\\.done");
    private static final int HOURS = 24;

    private final S3Client s3;
    private final String bucket;
    private final Map<RawDays.Source, SortedSet<LocalDate>> daysPerSource;
    private final SortedSet<LocalDate> writtenDays = new TreeSet<>();
    private final int latenessDays;

    /**
     * @param daysPerSource the raw days of each source ({@link RawDays#daysPerSource})
     */
    DayClosure(S3Client s3, String bucket, Map<RawDays.Source, SortedSet<LocalDate>> daysPerSource, int latenessDays) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.daysPerSource = new LinkedHashMap<>(requireNonNull(daysPerSource, "daysPerSource is null"));
        this.daysPerSource.forEach((source, days) -> {
            if (!source.readInPlace()) {
                writtenDays.addAll(days);
            }
        });
        if (latenessDays < 0) {
            throw new IllegalArgumentException("latenessDays is negative: " + latenessDays);
        }
        this.latenessDays = latenessDays;
    }

    /** The sources that have data on the day. */
    List<RawDays.Source> sourcesOf(LocalDate day) {
        List<RawDays.Source> sources = new ArrayList<>();
        daysPerSource.forEach((source, days) -> {
            if (days.contains(day)) {
                sources.add(source);
            }
        });
        return sources;
    }

    /** Why the day is closed (every source's reason), or empty when a source of it is open. */
    Optional<String> closedBecause(LocalDate day) {
        List<String> reasons = new ArrayList<>();
        for (RawDays.Source source : sourcesOf(day)) {
            Optional<String> because = closedBecause(source, day);
            if (because.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(sourcesOf(day).size() == 1 ? because.get() : source + ": " + because.get());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** Why the day is still open, for the log: each open source and what would close it. */
    String openBecause(LocalDate day) {
        List<String> open = new ArrayList<>();
        for (RawDays.Source source : sourcesOf(day)) {
            if (closedBecause(source, day).isEmpty()) {
                open.add(source + ": "
                        + (source.readInPlace()
                                ? "no later day of the source after " + day.plusDays(latenessDays)
                                : "not every hour has a completion marker under s3://" + bucket + "/"
                                        + RawLayout.dayMarkerFolder("", source.format(), source.site(), day)
                                        + ", no raw day after " + day.plusDays(latenessDays))
                        + " (its lateness window) has arrived, and it was not closed by hand");
            }
        }
        return open.isEmpty() ? "no source has data on it" : String.join("; ", open);
    }

    private Optional<String> closedBecause(RawDays.Source source, LocalDate day) {
        LocalDate window = day.plusDays(latenessDays);
        SortedSet<LocalDate> later = source.readInPlace() ? daysPerSource.get(source) : writtenDays;
        Optional<LocalDate> first = later.tailSet(window.plusDays(1)).stream().findFirst();
        if (first.isPresent()) {
            return Optional.of("raw data of " + first.get() + " arrived, after its lateness window (" + window + ")");
        }
        String closedKey = RawLayout.closedMarkerKey("", source.format(), source.site(), day);
        SortedSet<String> markedHours = new TreeSet<>();
        boolean closedByHand = false;
        String folder = RawLayout.dayMarkerFolder("", source.format(), source.site(), day);
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(folder))
                .contents()) {
            Matcher hour = HOUR_MARKER.matcher(object.key());
            if (hour.matches()) {
                markedHours.add(hour.group(1));
            }
            closedByHand |= object.key().equals(closedKey);
        }
        if (closedByHand) {
            return Optional.of("closed by hand (" + closedKey + ")");
        }
        if (!source.readInPlace() && markedHours.size() == HOURS) {
            return Optional.of("all 24 hours have a completion marker");
        }
        return Optional.empty();
    }
}
