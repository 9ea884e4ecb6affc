package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

/** One value of the audience mix: a browser, an operating system, a device class or a country. */
public record MixRow(String dimension, int rank, String value, long requests, double share) {
    public MixRow {
        requireNonNull(dimension, "dimension is null");
        requireNonNull(value, "value is null");
    }
}
