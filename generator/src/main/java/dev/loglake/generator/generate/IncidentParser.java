package dev.loglake.generator.generate;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.model.Incident;
import dev.loglake.generator.model.IncidentKind;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses the --incident flag: {@code KIND,START,DURATION,PATH_PREFIX[,PATH_PREFIX...]}. */
public final class IncidentParser {
    public static final String SYNTAX = "KIND,START,DURATION,PATH_PREFIX[,PATH_PREFIX...]";
    public static final String EXAMPLE = "errors,2026-11-03T14:00:00Z,PT30M,/checkout,/api/";

    private IncidentParser() {}

    public static Incident parse(String value) {
        String[] parts = value.split(",");
        if (parts.length < 4) {
            throw invalid(value, "it needs a kind, a start, a duration and at least one path prefix");
        }
        IncidentKind kind;
        try {
            kind = IncidentKind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(value, "the kind must be 'errors' or 'latency'");
        }
        Instant start;
        try {
            start = Instant.parse(parts[1].trim());
        } catch (DateTimeParseException e) {
            throw invalid(value, "the start must be a UTC instant such as 2026-11-03T14:00:00Z");
        }
        Duration duration;
        try {
            duration = Duration.parse(parts[2].trim());
        } catch (DateTimeParseException e) {
            throw invalid(value, "the duration must be ISO 8601 such as PT30M");
        }
        List<String> prefixes =
                Arrays.stream(parts, 3, parts.length).map(String::trim).toList();
        try {
            return new Incident(kind, start, duration, prefixes);
        } catch (IllegalArgumentException e) {
            throw invalid(value, e.getMessage());
        }
    }

    private static LoglakeException invalid(String value, String reason) {
        return LoglakeException.user(
                "Invalid --incident '%s': %s. Expected %s, for example %s.", value, reason, SYNTAX, EXAMPLE);
    }
}
