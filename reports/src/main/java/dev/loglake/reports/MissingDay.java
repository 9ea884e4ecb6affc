package dev.loglake.reports;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A day of the report's period that the report could not read, and why: its status in the ledger
 * ({@code failed}, {@code loading}) or {@link #NOT_LOADED} when the ledger does not know it.
 */
public record MissingDay(LocalDate day, String reason) {
    public static final String NOT_LOADED = "not loaded";

    public MissingDay {
        requireNonNull(day, "day is null");
        requireNonNull(reason, "reason is null");
    }

    /** "2026-11-04 (failed), 2026-11-05 (not loaded)", shortened beyond ten days. */
    public static String describe(List<MissingDay> days) {
        String listed = days.stream().limit(10).map(MissingDay::toString).collect(Collectors.joining(", "));
        return days.size() > 10 ? listed + " and " + (days.size() - 10) + " more" : listed;
    }

    @Override
    public String toString() {
        return day + " (" + reason + ")";
    }
}
