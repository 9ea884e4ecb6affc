package dev.loglake.generator.ingest;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats of real logs ingest accepts, as the source declares them (never guessed from a line). Each lands
 * in its own folder, access/&lt;format&gt;/, and is parsed there by sql/staging/formats/&lt;format&gt;.sql: adding a
 * format is that SQL file and one constant here (TestIngestFormat checks that both exist for every format).
 * Every one of them has the bracketed time {@code [dd/MMM/yyyy:HH:mm:ss +zzzz]} before the quoted request, by
 * which ingest routes each line (LineDater).
 */
public enum IngestFormat {
    /** Apache/nginx combined: common plus referrer and user agent, optionally followed by Apache's %D. */
    COMBINED,
    /** NCSA common log format: host ident user [time] "request" status bytes. */
    COMMON,
    /** nginx's combined followed by $request_time (seconds with milliseconds). */
    COMBINED_REQUEST_TIME,
    /** Apache's vhost_combined: %v:%p, then the combined fields. */
    VHOST_COMBINED;

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
