package dev.loglake.generator.format;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.ingest.FormatRenderer;
import dev.loglake.generator.ingest.IngestFormat;
import dev.loglake.generator.model.AccessEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes an event as a server of a declared format logs it, through {@link FormatRenderer} (the bench's formats
 * stage writes the same lines). Slower than {@link CombinedEncoder}'s byte copies, which the default format
 * keeps; the other formats are for tests and trials, not the generator's speed goal.
 */
final class RenderedEncoder implements LineEncoder {
    /** The virtual host of the generated site: vhost_combined's %v, the ALB's URLs, nginx's $host. */
    static final String HOST = "shop.example.com";

    private static final byte[] NO_HEADER = new byte[0];
    /** A CloudFront line needs 19 tab-separated fields (up to time-taken): cut before the 18th tab, it has 18. */
    private static final int CLOUDFRONT_TABS_KEPT = 18;
    /** An ALB line needs its quoted request and user agent: cut before the 4th quote, the agent is open. */
    private static final int ALB_QUOTES_KEPT = 4;

    private final IngestFormat format;
    private final FormatRenderer renderer = new FormatRenderer(HOST);

    RenderedEncoder(IngestFormat format) {
        this.format = requireNonNull(format, "format is null");
    }

    @Override
    public void encode(AccessEvent event, LineBuffer out) {
        append(renderer.render(format, record(event)), out);
    }

    @Override
    public void encodeWithBadTimestamp(AccessEvent event, String badTimestamp, LineBuffer out) {
        String line = renderer.render(format, record(event));
        append(line.replace(FormatRenderer.timeText(format, event.epochSecond()), badTimestamp), out);
    }

    /**
     * Times each format's parser refuses: another format's time, an impossible one in the format's own shape, none.
     * Never an ISO time for the load balancer, whose request_creation_time is one (the line would be valid).
     */
    @Override
    public List<String> badTimestamps() {
        return switch (format) {
            case ALB -> List.of("2026-11-03T25:61:61.000000Z", "-", "1762178400", "03/Nov/2026:14:00:00 +0000");
            case CLOUDFRONT -> List.of("2026-13-45\t25:61:61", "-\t-", "1762178400", "03/Nov/2026:14:00:00 +0000");
            default -> List.of(
                    "2026-11-03T14:00:00Z",
                    "03/Nov/2026:25:61:61 +0000",
                    "-",
                    "32/Foo/2026:12:00:00 +0000",
                    "1762178400");
        };
    }

    /** CloudFront's #Version and #Fields lines open each of its objects. */
    @Override
    public byte[] header() {
        return format == IngestFormat.CLOUDFRONT
                ? FormatRenderer.CLOUDFRONT_HEADER.getBytes(StandardCharsets.US_ASCII)
                : NO_HEADER;
    }

    @Override
    public int truncationLimit(LineBuffer line) {
        return switch (format) {
            case ALB -> nth(line, (byte) '"', ALB_QUOTES_KEPT);
            case CLOUDFRONT -> nth(line, (byte) '\t', CLOUDFRONT_TABS_KEPT);
            default -> LineEncoder.super.truncationLimit(line);
        };
    }

    private static int nth(LineBuffer line, byte value, int n) {
        int seen = 0;
        for (int i = 0; i < line.size(); i++) {
            if (line.array()[i] == value && ++seen == n) {
                return i;
            }
        }
        throw new IllegalStateException("a rendered line has fewer than " + n + " '" + (char) value + "'");
    }

    private static void append(String line, LineBuffer out) {
        out.append(line.getBytes(StandardCharsets.UTF_8)).append((byte) '\n');
    }

    static LogRecord record(AccessEvent event) {
        return new LogRecord(
                event.visitor().ip().text(),
                event.epochSecond(),
                event.resource().method().name(),
                event.resource().target().text(),
                CombinedEncoder.protocol(event),
                event.status(),
                event.bytes(),
                event.referer().equals(AccessEvent.NO_REFERER)
                        ? Optional.empty()
                        : Optional.of(event.referer().text()),
                event.visitor().userAgent().text(),
                event.responseMicros());
    }
}
