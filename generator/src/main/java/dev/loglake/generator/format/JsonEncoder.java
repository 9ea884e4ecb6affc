package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON lines, one object per request, with the fields of {@code access_log.avsc} under the same names. An
 * absent referrer is null and bytes are a number (0, not "-"). The model's strings hold no quote, backslash
 * or control character (Resource and UserAgent check it), so they are written without escaping.
 */
public final class JsonEncoder implements LineEncoder {
    private static final byte[] TIME = ascii("{\"time\":\"");
    private static final byte[] CLIENT_IP = ascii("\",\"client_ip\":\"");
    private static final byte[] METHOD = ascii("\",\"user\":null,\"method\":\"");
    private static final byte[] TARGET = ascii("\",\"target\":\"");
    private static final byte[] PROTOCOL = ascii("\",\"protocol\":\"");
    private static final byte[] STATUS = ascii("\",\"status\":");
    private static final byte[] BYTES = ascii(",\"bytes\":");
    private static final byte[] REFERER = ascii(",\"referer\":");
    private static final byte[] USER_AGENT = ascii(",\"user_agent\":\"");
    private static final byte[] RESPONSE_TIME = ascii("\",\"response_time_us\":");
    private static final byte[] NULL = ascii("null");

    private final LogTimestamps timestamps = new LogTimestamps();

    @Override
    public void encode(AccessEvent event, LineBuffer out) {
        out.append(TIME);
        timestamps.appendIso(event.epochSecond(), out);
        appendAfterTime(event, out);
    }

    @Override
    public void encodeWithBadTimestamp(AccessEvent event, String badTimestamp, LineBuffer out) {
        out.append(TIME).appendAscii(badTimestamp);
        appendAfterTime(event, out);
    }

    @Override
    public List<String> badTimestamps() {
        return List.of("03/Nov/2026:14:00:00 +0000", "2026-13-45T99:99:99Z", "-", "2026-11-03 14:00:00", "1762178400");
    }

    private static void appendAfterTime(AccessEvent event, LineBuffer out) {
        out.append(CLIENT_IP).append(event.visitor().ip());
        out.append(METHOD).append(event.resource().method().token());
        out.append(TARGET).append(event.resource().target());
        out.append(PROTOCOL).appendAscii(CombinedEncoder.protocol(event));
        out.append(STATUS).appendDecimal(event.status());
        out.append(BYTES).appendDecimal(event.bytes());
        out.append(REFERER);
        if (AccessEvent.NO_REFERER.equals(event.referer())) {
            out.append(NULL);
        } else {
            out.append((byte) '"').append(event.referer()).append((byte) '"');
        }
        out.append(USER_AGENT).append(event.visitor().userAgent());
        out.append(RESPONSE_TIME)
                .appendDecimal(event.responseMicros())
                .append((byte) '}')
                .append((byte) '\n');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
