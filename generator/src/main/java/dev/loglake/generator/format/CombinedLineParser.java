package dev.loglake.generator.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for a valid line of the generator's combined format, which the pipeline implements too: the line
 * is at most {@link #MAX_LINE_LENGTH} characters and matches {@link #VALID_LINE} (Java and Trino regular
 * expressions alike). Everything else is a malformed line.
 */
public final class CombinedLineParser {
    /** Longer lines are malformed whatever they hold (log shippers cut them; so does the pipeline). */
    public static final int MAX_LINE_LENGTH = 65_536;

    public static final String TIMESTAMP =
            "(?:0[1-9]|[12][0-9]|3[01])/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + "/[0-9]{4}:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] [+-][0-9]{4}";

    /**
     * Groups: 1 client IP, 2 user, 3 timestamp, 4 method, 5 target, 6 protocol, 7 status, 8 bytes or "-",
     * 9 referer, 10 user agent, 11 response time in microseconds.
     */
    public static final String VALID_LINE = "^(\\S+) \\S+ (\\S+) \\[(" + TIMESTAMP
            + ")\\] \"(\\S+) (\\S+) (HTTP/[0-9.]+)\"" + " ([0-9]{3}) ([0-9]+|-) \"([^\"]*)\" \"([^\"]*)\" ([0-9]+)$";

    private static final Pattern PATTERN = Pattern.compile(VALID_LINE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/uuuu:HH:mm:ss Z", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private CombinedLineParser() {}

    public static Optional<LogRecord> parse(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Long> epochSecond = epochSecond(matcher.group(3));
        if (epochSecond.isEmpty()) {
            return Optional.empty();
        }
        String bytes = matcher.group(8);
        String referer = matcher.group(9);
        return Optional.of(new LogRecord(
                matcher.group(1),
                epochSecond.get(),
                matcher.group(4),
                matcher.group(5),
                matcher.group(6),
                Integer.parseInt(matcher.group(7)),
                bytes.equals("-") ? 0 : Long.parseLong(bytes),
                referer.equals("-") ? Optional.empty() : Optional.of(referer),
                matcher.group(10),
                Long.parseLong(matcher.group(11))));
    }

    /** The instant of a combined-format timestamp such as {@code 10/Oct/2000:13:55:36 -0700}, if it is one. */
    public static Optional<Long> epochSecond(String timestamp) {
        try {
            return Optional.of(OffsetDateTime.parse(timestamp, TIME).toEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
