package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.RawLayout;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Whether a raw (arrival) day is closed: no more lines are expected in its folder. Until it closes a day is open:
 * it loads with status partial, and every run loads it again. A day closes by the first of these rules, all read
 * from the raw bucket:
 *
 * <ol>
 *   <li>every hour 00..23 has a completion marker ({@code markers/access/combined/dt=D/hour=HH/*.done}, written
 *       by the generator once an hour's objects are stored);
 *   <li>it was closed by hand: the object {@code markers/access/combined/dt=D/closed} exists ({@code loglake
 *       transform --date D --close} writes it);
 *   <li>raw data of a later day beyond the lateness window has arrived (a folder {@code dt=} after D +
 *       {@code transform.lateness-days}): the logs have moved on past the last day that could still add to D.
 * </ol>
 */
final class DayClosure {
    private static final Pattern HOUR_MARKER = Pattern.compile(".*/hour=([0-2][0-9])/[^/]+\\.done");
    private static final int HOURS = 24;

    private final S3Client s3;
    private final String bucket;
    private final SortedSet<LocalDate> rawDays;
    private final int latenessDays;

    /**
     * @param rawDays every day of the raw layout (its {@code dt=} folders)
     */
    DayClosure(S3Client s3, String bucket, SortedSet<LocalDate> rawDays, int latenessDays) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.rawDays = new TreeSet<>(requireNonNull(rawDays, "rawDays is null"));
        if (latenessDays < 0) {
            throw new IllegalArgumentException("latenessDays is negative: " + latenessDays);
        }
        this.latenessDays = latenessDays;
    }

    /** Why the day is closed, or empty when it is open. */
    Optional<String> closedBecause(LocalDate day) {
        LocalDate window = day.plusDays(latenessDays);
        Optional<LocalDate> later = rawDays.tailSet(window.plusDays(1)).stream().findFirst();
        if (later.isPresent()) {
            return Optional.of("raw data of " + later.get() + " arrived, after its lateness window (" + window + ")");
        }
        SortedSet<String> markedHours = new TreeSet<>();
        boolean closedByHand = false;
        String folder = RawLayout.dayMarkerFolder("", RawLayout.COMBINED_FOLDER, day);
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(folder))
                .contents()) {
            Matcher hour = HOUR_MARKER.matcher(object.key());
            if (hour.matches()) {
                markedHours.add(hour.group(1));
            }
            closedByHand |= object.key().equals(RawLayout.closedMarkerKey("", RawLayout.COMBINED_FOLDER, day));
        }
        if (closedByHand) {
            return Optional.of(
                    "closed by hand (" + RawLayout.closedMarkerKey("", RawLayout.COMBINED_FOLDER, day) + ")");
        }
        if (markedHours.size() == HOURS) {
            return Optional.of("all 24 hours have a completion marker");
        }
        return Optional.empty();
    }

    /** Why the day is still open, for the log. */
    String openBecause(LocalDate day) {
        return "not every hour has a completion marker under s3://" + bucket + "/"
                + RawLayout.dayMarkerFolder("", RawLayout.COMBINED_FOLDER, day) + ", no raw day after "
                + day.plusDays(latenessDays) + " (its lateness window) has arrived, and it was not closed by hand";
    }
}
