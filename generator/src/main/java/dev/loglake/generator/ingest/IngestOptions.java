package dev.loglake.generator.ingest;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.RawLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated ingest request: files or folders of access logs (plain or gzip), the format their source declares,
 * and the source's site name ({@link RawLayout#DEFAULT_SITE} for a source without one).
 */
public record IngestOptions(List<Path> inputs, IngestFormat format, String site, String keyPrefix) {
    /** A source without a site name. */
    public IngestOptions(List<Path> inputs, IngestFormat format, String keyPrefix) {
        this(inputs, format, RawLayout.DEFAULT_SITE, keyPrefix);
    }

    public IngestOptions {
        inputs = List.copyOf(inputs);
        requireNonNull(format, "format is null");
        RawLayout.requireSite(site);
        requireNonNull(keyPrefix, "keyPrefix is null");
        if (inputs.isEmpty()) {
            throw LoglakeException.user("No input given. Expected one or more log files or folders.");
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw LoglakeException.user("Cannot ingest %s: no such file or folder.", input);
            }
            if (!Files.isReadable(input)) {
                throw LoglakeException.user("Cannot ingest %s: it is not readable.", input);
            }
        }
    }
}
