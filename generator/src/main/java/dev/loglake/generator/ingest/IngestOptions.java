package dev.loglake.generator.ingest;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A validated ingest request: files or folders of access logs (plain or gzip), and their format. */
public record IngestOptions(List<Path> inputs, IngestFormat format, String keyPrefix) {
    public IngestOptions {
        inputs = List.copyOf(inputs);
        requireNonNull(format, "format is null");
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
