package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The work of one arrival hour: its on-time events, the late events that arrive in it, the newcomer numbers
 * it may use, and how many objects it is split into.
 *
 * @param firstNewcomer the first visitor number this hour may give a newcomer; it uses at most
 *     {@code onTimeEvents + lateEvents} numbers
 */
public record HourPlan(
        LocalDate date, int hour, int dayIndex, long onTimeEvents, long lateEvents, long firstNewcomer, int objects) {
    public HourPlan {
        requireNonNull(date, "date is null");
        if (hour < 0 || hour > 23 || onTimeEvents < 0 || lateEvents < 0 || objects < 1) {
            throw new IllegalArgumentException("invalid hour plan");
        }
    }

    public long totalEvents() {
        return onTimeEvents + lateEvents;
    }

    public String label() {
        return "dt=" + date + " hour=" + String.format(java.util.Locale.ROOT, "%02d", hour);
    }
}
