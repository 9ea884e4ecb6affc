package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.DayRange;
import java.util.Optional;

/**
 * What to transform: every raw day not complete yet, or a range of arrival days to (re)load.
 *
 * @param range empty for "every raw day not complete yet"
 * @param close whether to close the range's raw days by hand first (see {@link DayClosure}): no more of their
 *     lines are expected, so they load as complete whatever their hours' markers say
 */
public record TransformRequest(Optional<DayRange> range, boolean close) {
    public TransformRequest {
        requireNonNull(range, "range is null");
        if (close && range.isEmpty()) {
            throw LoglakeException.user("Closing raw days needs the days: give --date or --from/--to with --close.");
        }
    }

    public static TransformRequest pending() {
        return new TransformRequest(Optional.empty(), false);
    }

    public static TransformRequest days(DayRange range) {
        return new TransformRequest(Optional.of(range), false);
    }

    /** Closes the raw days by hand, then loads them. */
    public static TransformRequest close(DayRange range) {
        return new TransformRequest(Optional.of(range), true);
    }
}
