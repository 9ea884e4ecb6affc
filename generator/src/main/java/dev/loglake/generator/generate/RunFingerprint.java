package dev.loglake.generator.generate;

import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.model.Incident;
import dev.loglake.lake.RawLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * A digest of everything that decides the bytes a run writes. Equal fingerprints mean byte-identical
 * objects, so an hour whose completion marker carries the current fingerprint need not be written again.
 */
public final class RunFingerprint {
    /** Bump when a change to the generator changes its output for the same options. */
    static final int GENERATOR_VERSION = 1;

    private RunFingerprint() {}

    public static String of(GenerateOptions options) {
        String canonical = String.join(
                        "|",
                        "generator=" + GENERATOR_VERSION,
                        "manifest=" + Manifest.FORMAT_VERSION,
                        "start=" + options.start(),
                        "days=" + options.days(),
                        "eventsPerDay=" + options.eventsPerDay(),
                        "seed=" + options.seed(),
                        "format=" + options.format(),
                        "compression=" + options.compression() + ":" + options.compressionLevel(),
                        "late=" + options.lateShare(),
                        "malformed=" + options.malformedShare(),
                        "maxEventsPerObject=" + options.maxEventsPerObject(),
                        "incidents="
                                + options.incidents().stream()
                                        .map(Incident::describe)
                                        .collect(Collectors.joining(";")))
                // Only another site's: the default site's fingerprints, and so its markers, stay as they were.
                + (options.site().equals(RawLayout.DEFAULT_SITE) ? "" : "|site=" + options.site());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
