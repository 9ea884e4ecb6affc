package dev.loglake.generator.ingest;

import dev.loglake.generator.format.CombinedLineParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the instant of a real access-log line the way log parsers do: the bracketed time field
 * {@code [dd/MMM/yyyy:HH:mm:ss +zzzz]} that comes before the quoted request. Everything else on the line may
 * be odd (IPv6 hosts, spaces in the user field, junk requests); only the time decides where a line goes.
 */
final class LineDater {
    private static final int TIMESTAMP_LENGTH = "10/Oct/2000:13:55:36 -0700".length();
    private static final Pattern TIMESTAMP = Pattern.compile(CombinedLineParser.TIMESTAMP);

    private LineDater() {}

    /** UTC epoch second of the line, or empty when the line has no valid time field before its request. */
    static Optional<Long> epochSecond(byte[] line, int length) {
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
