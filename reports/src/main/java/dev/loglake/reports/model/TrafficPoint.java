package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

/**
 * One bar of the traffic chart: an hour (day report, label "13:00") or a day (week and month reports, label
 * "2026-11-03").
 *
 * @param incident whether the incident rule flagged this hour, or an hour of this day
 */
public record TrafficPoint(
        String label, long requests, long pageViews, long serverErrors, double p95Ms, boolean incident) {
    public TrafficPoint {
        requireNonNull(label, "label is null");
    }

    public TrafficPoint withIncident(boolean flagged) {
        return new TrafficPoint(label, requests, pageViews, serverErrors, p95Ms, flagged);
    }
}
