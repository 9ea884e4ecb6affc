package dev.loglake.generator.ingest;

import dev.loglake.core.LoglakeException;
import java.util.Locale;

/** The shapes of real logs ingest accepts; both land under access/combined/ (combined parses both). */
public enum IngestFormat {
    /** Apache/nginx combined: common plus referrer and user agent, and whatever a server appends after. */
    COMBINED,
    /** NCSA common log format: host ident user [time] "request" status bytes. */
    COMMON;

    public static IngestFormat parse(String value) {
        for (IngestFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw LoglakeException.user("Unknown ingest format '%s'. Expected combined or common.", value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
