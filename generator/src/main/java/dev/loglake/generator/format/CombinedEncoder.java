package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The combined log format of nginx and Apache, with the response time in microseconds appended:
 * {@code IP - USER [dd/MMM/yyyy:HH:mm:ss +0000] "METHOD TARGET PROTOCOL" STATUS BYTES "REFERER" "USER_AGENT"
 * MICROS}. A body of 0 bytes is written "-", as Apache's %b does.
 */
public final class CombinedEncoder implements LineEncoder {
    private static final byte[] NO_USER_OPEN_TIME = " - - [".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_CLOSE_QUOTE = "] \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE_SPACE = "\" ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SPACE_QUOTE = " \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE_SPACE_QUOTE = "\" \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_1_1 = "HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_2_0 = "HTTP/2.0".getBytes(StandardCharsets.US_ASCII);

    private final LogTimestamps timestamps = new LogTimestamps();

    @Override
    public void encode(AccessEvent event, LineBuffer out) {
        out.append(event.visitor().ip()).append(NO_USER_OPEN_TIME);
        timestamps.appendCombined(event.epochSecond(), out);
        appendAfterTime(event, out);
    }

    @Override
    public void encodeWithBadTimestamp(AccessEvent event, String badTimestamp, LineBuffer out) {
        out.append(event.visitor().ip()).append(NO_USER_OPEN_TIME).appendAscii(badTimestamp);
        appendAfterTime(event, out);
    }

    @Override
    public List<String> badTimestamps() {
        return List.of(
                "2026-11-03T14:00:00Z", "03/Nov/2026:25:61:61 +0000", "-", "32/Foo/2026:12:00:00 +0000", "1762178400");
    }

    private static void appendAfterTime(AccessEvent event, LineBuffer out) {
        out.append(TIME_CLOSE_QUOTE);
        out.append(event.resource().method().token()).append((byte) ' ');
        out.append(event.resource().target()).append((byte) ' ');
        out.append(event.visitor().http2() ? HTTP_2_0 : HTTP_1_1).append(QUOTE_SPACE);
        out.appendDecimal(event.status()).append((byte) ' ');
        if (event.bytes() == 0) {
            out.append((byte) '-');
        } else {
            out.appendDecimal(event.bytes());
        }
        out.append(SPACE_QUOTE).append(event.referer()).append(QUOTE_SPACE_QUOTE);
        out.append(event.visitor().userAgent()).append(QUOTE_SPACE);
        out.appendDecimal(event.responseMicros()).append((byte) '\n');
    }

    /** The protocol as logged, for parsers and tests. */
    public static String protocol(AccessEvent event) {
        return event.visitor().http2() ? "HTTP/2.0" : "HTTP/1.1";
    }
}
