package dev.loglake.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the hours of a period that broke away from the period's norm. Only hours with at least
 * {@code minRequests} requests are judged, and only they make the norm (a quiet night hour says little).
 *
 * <ul>
 *   <li>5xx: the hour's 5xx rate is at least {@code errorRateFactor} times the median hourly 5xx rate of the
 *       period, and at least {@code errorRateFloor} (so that 2 errors in a quiet hour are no incident);
 *   <li>latency: the hour's p95 response time is at least {@code latencyFactor} times the median hourly p95.
 * </ul>
 *
 * The median, not the mean, so that the incident itself does not raise the norm it is measured against.
 */
public record IncidentRule(long minRequests, double errorRateFactor, double errorRateFloor, double latencyFactor) {
    /** The rule the report uses: 100 requests, 3x and 2% for 5xx, 2x for p95. */
    public static final IncidentRule DEFAULT = new IncidentRule(100, 3, 0.02, 2);

    public IncidentRule {
        if (minRequests < 1 || errorRateFactor <= 1 || errorRateFloor <= 0 || latencyFactor <= 1) {
            throw new IllegalArgumentException("incident rule thresholds out of range");
        }
    }

    public List<Incident> find(List<HourTraffic> hours) {
        List<HourTraffic> judged =
                hours.stream().filter(hour -> hour.requests() >= minRequests).toList();
        if (judged.isEmpty()) {
            return List.of();
        }
        double errorNorm =
                median(judged.stream().map(HourTraffic::serverErrorRate).toList());
        double latencyNorm = median(judged.stream().map(HourTraffic::p95Ms).toList());
        List<Incident> incidents = new ArrayList<>();
        for (HourTraffic hour : judged) {
            double rate = hour.serverErrorRate();
            if (rate >= errorRateFloor && rate >= errorRateFactor * errorNorm) {
                incidents.add(new Incident(hour, Incident.Kind.SERVER_ERRORS, rate, errorNorm));
            }
            if (latencyNorm > 0 && hour.p95Ms() >= latencyFactor * latencyNorm) {
                incidents.add(new Incident(hour, Incident.Kind.LATENCY, hour.p95Ms(), latencyNorm));
            }
        }
        incidents.sort(
                Comparator.comparing((Incident incident) -> incident.hour().day())
                        .thenComparingInt(incident -> incident.hour().hour())
                        .thenComparing(Incident::kind));
        return List.copyOf(incidents);
    }

    /** The rule in words, for the report's footnote and README. */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "An hour is an incident when it has at least %d requests and either its 5xx rate is at least %.0f"
                        + " times the period's median hourly 5xx rate and at least %.0f%%, or its p95 response time is"
                        + " at least %.0f times the period's median hourly p95. The medians are taken over the hours"
                        + " with at least %d requests.",
                minRequests,
                errorRateFactor,
                errorRateFloor * 100,
                latencyFactor,
                minRequests);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
