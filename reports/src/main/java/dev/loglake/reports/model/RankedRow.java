package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

/** One line of a top-N list; {@code name} comes from the logs (a path, a host) and is hostile input. */
public record RankedRow(int rank, String name, long requests) {
    public RankedRow {
        requireNonNull(name, "name is null");
    }
}
