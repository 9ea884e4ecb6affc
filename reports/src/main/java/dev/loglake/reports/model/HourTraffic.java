package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One hour (UTC) of traffic: the day report's chart, and what the incident rule looks at. */
public record HourTraffic(
        LocalDate day, int hour, long requests, long pageViews, long serverErrors, long clientErrors, double p95Ms) {
    public HourTraffic {
        requireNonNull(day, "day is null");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour out of range: " + hour);
        }
    }

    public double serverErrorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }

    /** "2026-11-03 13:00 UTC". */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%s %02d:00 UTC", day, hour);
    }
}
