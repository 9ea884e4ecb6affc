package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.DayRange;
import java.util.Optional;

/**
 * What to transform: every raw day not loaded yet, or a range of arrival days to (re)load.
 *
 * @param range empty for "every raw day not loaded yet"
 */
public record TransformRequest(Optional<DayRange> range) {
    public TransformRequest {
        requireNonNull(range, "range is null");
    }

    public static TransformRequest pending() {
        return new TransformRequest(Optional.empty());
    }

    public static TransformRequest days(DayRange range) {
        return new TransformRequest(Optional.of(range));
    }
}
