package dev.loglake.generator.ingest;

import dev.loglake.generator.format.CombinedLineParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the instant of a real access-log line the way log parsers do: for Apache and nginx, the bracketed time
 * field {@code [dd/MMM/yyyy:HH:mm:ss +zzzz]} that comes before the quoted request; for the AWS load balancer, its
 * second field, {@code 2026-11-01T10:15:32.123456Z}. Everything else on the line may be odd (IPv6 hosts, spaces
 * in the user field, junk requests); only the time decides where a line goes.
 */
final class LineDater {
    private static final int TIMESTAMP_LENGTH = "10/Oct/2000:13:55:36 -0700".length();
    private static final Pattern TIMESTAMP = Pattern.compile(CombinedLineParser.TIMESTAMP);

    private LineDater() {}

    /** The longest ISO 8601 time the load balancer writes: nanoseconds would be 30 characters. */
    private static final int MAX_ISO_LENGTH = 30;

    /** UTC epoch second of the line's second space-separated field, an ISO 8601 UTC time; else empty. */
    static Optional<Long> secondFieldIso(byte[] line, int length) {
        int start = 0;
        while (start < length && line[start] != ' ') {
            start++;
        }
        int end = ++start;
        while (end < length && line[end] != ' ' && end - start <= MAX_ISO_LENGTH) {
            end++;
        }
        if (end - start < "2026-11-01T10:15:32Z".length() || end - start > MAX_ISO_LENGTH || line[end - 1] != 'Z') {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(new String(line, start, end - start, StandardCharsets.ISO_8859_1))
                    .getEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final int DATE_AND_TIME_LENGTH = "2026-11-01\t10:15:32".length();

    /** UTC epoch second of a line starting with "yyyy-MM-dd TAB HH:mm:ss TAB" (CloudFront); else empty. */
    static Optional<Long> tabSeparatedDateAndTime(byte[] line, int length) {
        if (length <= DATE_AND_TIME_LENGTH || line[10] != '\t' || line[DATE_AND_TIME_LENGTH] != '\t') {
            return Optional.empty();
        }
        String date = new String(line, 0, 10, StandardCharsets.ISO_8859_1);
        String time = new String(line, 11, 8, StandardCharsets.ISO_8859_1);
        try {
            return Optional.of(Instant.parse(date + "T" + time + "Z").getEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final byte[] TIME_ISO8601_KEY = "\"time_iso8601\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_LOCAL_KEY = "\"time_local\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * UTC epoch second of an nginx JSON line: the string value of its "time_iso8601" key (with its offset), else of
     * its "time_local" key ({@code dd/MMM/yyyy:HH:mm:ss +zzzz}); empty when it has neither with a valid time.
     */
    static Optional<Long> jsonTime(byte[] line, int length) {
        Optional<String> iso = jsonString(line, length, TIME_ISO8601_KEY);
        if (iso.isPresent()) {
            try {
                return Optional.of(OffsetDateTime.parse(iso.get()).toEpochSecond());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return jsonString(line, length, TIME_LOCAL_KEY)
                .filter(local -> TIMESTAMP.matcher(local).matches())
                .flatMap(CombinedLineParser::epochSecond);
    }

    /** The value after {@code key} up to the next quote (a time has no escapes), if the key is on the line. */
    private static Optional<String> jsonString(byte[] line, int length, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (line[i + k] != key[k]) {
                    continue outer;
                }
            }
            int start = i + key.length;
            for (int end = start; end < length && end - start <= MAX_ISO_LENGTH; end++) {
                if (line[end] == '"') {
                    return Optional.of(new String(line, start, end - start, StandardCharsets.ISO_8859_1));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** UTC epoch second of the line, or empty when the line has no valid time field before its request. */
    static Optional<Long> bracketed(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b == '"') {
                return Optional.empty();
            }
            int close = i + 1 + TIMESTAMP_LENGTH;
            if (b == '[' && close < length && line[close] == ']') {
                String candidate = new String(line, i + 1, TIMESTAMP_LENGTH, StandardCharsets.ISO_8859_1);
                if (TIMESTAMP.matcher(candidate).matches()) {
                    Optional<Long> epochSecond = CombinedLineParser.epochSecond(candidate);
                    if (epochSecond.isPresent()) {
                        return epochSecond;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
