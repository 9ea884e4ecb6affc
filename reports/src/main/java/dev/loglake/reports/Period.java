package dev.loglake.reports;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much time a report covers: the day of its date, the ISO week (Monday to Sunday) or the calendar month. */
public enum Period {
    DAY,
    WEEK,
    MONTH;

    /** Parses {@code day}, {@code week} or {@code month}, ignoring case. */
    public static Period parse(String value) {
        for (Period period : values()) {
            if (period.id().equalsIgnoreCase(value.trim())) {
                return period;
            }
        }
        throw LoglakeException.user(
                "Invalid report period '%s': expected one of %s.",
                value, Arrays.stream(values()).map(Period::id).collect(Collectors.joining(", ")));
    }

    /** The lower-case name used in flags, folders and S3 keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
