package dev.loglake.lake.source;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.RawLayout;

/**
 * A source whose logs are read where they are (no copy into the raw bucket): its name, which is its site in the
 * lake, the format it declared, and the S3 location of its logs.
 */
public record InPlaceSource(String name, String format, S3Location location) {
    public InPlaceSource {
        RawLayout.requireSite(name);
        requireNonNull(format, "format is null");
        requireNonNull(location, "location is null");
    }

    public SourceLayout layout() {
        return SourceLayout.of(format);
    }
}
