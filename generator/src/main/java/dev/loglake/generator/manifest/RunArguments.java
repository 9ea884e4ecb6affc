package dev.loglake.generator.manifest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The arguments of the run a manifest describes, as given (dates ISO, shares as fractions).
 *
 * @param site the site the run wrote (default for a manifest written before sites)
 */
public record RunArguments(
        String start,
        int days,
        long eventsPerDay,
        long seed,
        String format,
        String compression,
        int compressionLevel,
        double lateShare,
        double malformedShare,
        List<String> incidents,
        String fingerprint,
        String site) {
    public RunArguments {
        requireNonNull(start, "start is null");
        requireNonNull(format, "format is null");
        requireNonNull(compression, "compression is null");
        incidents = List.copyOf(incidents);
        requireNonNull(fingerprint, "fingerprint is null");
        site = site == null ? "default" : site;
    }
}
