package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

/**
 * An hour that broke away from the period's norm.
 *
 * @param observed the hour's value (a 5xx rate between 0 and 1, or a p95 in milliseconds)
 * @param norm the period's median hourly value it was compared with
 */
public record Incident(HourTraffic hour, Kind kind, double observed, double norm) {
    /** What broke away. */
    public enum Kind {
        SERVER_ERRORS("5xx rate", Unit.RATIO),
        LATENCY("p95 response time", Unit.MILLIS);

        private final String label;
        private final Unit unit;

        Kind(String label, Unit unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public Unit unit() {
            return unit;
        }
    }

    public Incident {
        requireNonNull(hour, "hour is null");
        requireNonNull(kind, "kind is null");
    }

    /** "5xx rate 4.10% against a norm of 0.00%". */
    public String describe() {
        return kind.label() + " " + kind.unit().format(observed) + " against a norm of "
                + kind.unit().format(norm);
    }
}
