package dev.loglake.generator.ingest;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats of real logs ingest accepts, as the source declares them (never guessed from a line). Each lands
 * in its own folder, access/&lt;format&gt;/, and is parsed there by sql/staging/formats/&lt;format&gt;.sql: adding a
 * format is that SQL file and one constant here (TestIngestFormat checks that both exist for every format).
 * Ingest routes each line to the hour folder of its time (LineDater): the Apache and nginx formats have the
 * bracketed time {@code [dd/MMM/yyyy:HH:mm:ss +zzzz]} before the quoted request, the load balancer's logs an ISO
 * 8601 UTC time as their second field.
 */
public enum IngestFormat {
    /** Apache/nginx combined: common plus referrer and user agent, optionally followed by Apache's %D. */
    COMBINED,
    /** NCSA common log format: host ident user [time] "request" status bytes. */
    COMMON,
    /** nginx's combined followed by $request_time (seconds with milliseconds). */
    COMBINED_REQUEST_TIME,
    /** Apache's vhost_combined: %v:%p, then the combined fields. */
    VHOST_COMBINED,
    /** AWS Application Load Balancer access logs: type, then the ISO 8601 time the response was sent, then more. */
    ALB;

    /** The UTC epoch second of a line of this format, or empty when the line has no valid time where it belongs. */
    public Optional<Long> epochSecond(byte[] line, int length) {
        return this == ALB ? LineDater.secondFieldIso(line, length) : LineDater.bracketed(line, length);
    }

    /** The folder under access/ and the name of its staging/formats/ file. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IngestFormat parse(String value) {
        for (IngestFormat format : values()) {
            if (format.folder().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw LoglakeException.user(
                "Unknown ingest format '%s'. Expected one of: %s.",
                value, Arrays.stream(values()).map(IngestFormat::folder).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return folder();
    }
}
