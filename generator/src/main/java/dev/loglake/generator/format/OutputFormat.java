package dev.loglake.generator.format;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.ingest.IngestFormat;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats the generator writes: every declared log format (the transforms parse each folder by its
 * sql/staging/formats/ file), and Parquet. The name is also the folder under access/ in the raw bucket.
 *
 * <p>This is the one place that says what a format keeps of a request, as far as the manifest's figures depend
 * on it: a format without the user agent (common) has no bots and one visitor per address, since the lake's
 * visitor is a (client IP, user agent) pair and its bot rule reads the user agent. Every format keeps the client
 * address, the time to the second, the request, the status and the bytes, so the other figures are the same.
 */
public enum OutputFormat {
    COMBINED(IngestFormat.COMBINED),
    COMMON(IngestFormat.COMMON),
    COMBINED_REQUEST_TIME(IngestFormat.COMBINED_REQUEST_TIME),
    VHOST_COMBINED(IngestFormat.VHOST_COMBINED),
    ALB(IngestFormat.ALB),
    CLOUDFRONT(IngestFormat.CLOUDFRONT),
    NGINX_JSON(IngestFormat.NGINX_JSON),
    PARQUET(null);

    private final IngestFormat declared;

    OutputFormat(IngestFormat declared) {
        this.declared = declared;
    }

    public String folder() {
        return declared == null ? "parquet" : declared.folder();
    }

    public String extension() {
        return declared == null ? ".parquet" : ".log";
    }

    /** The declared log format of a text format (what ingest --format names); empty for Parquet. */
    public Optional<IngestFormat> declared() {
        return Optional.ofNullable(declared);
    }

    /** Text formats are compressed as a whole object and can hold malformed lines; Parquet compresses pages. */
    public boolean text() {
        return declared != null;
    }

    /** Whether the format logs the user agent: without it the lake sees no bots and one visitor per address. */
    public boolean keepsUserAgent() {
        return declared != IngestFormat.COMMON;
    }

    public LineEncoder newEncoder() {
        if (declared == null) {
            throw new IllegalStateException("Parquet is not a line format");
        }
        return declared == IngestFormat.COMBINED ? new CombinedEncoder() : new RenderedEncoder(declared);
    }

    public static OutputFormat parse(String value) {
        for (OutputFormat format : values()) {
            if (format.folder().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw LoglakeException.user(
                "Unknown format '%s'. Expected one of: %s.",
                value, Arrays.stream(values()).map(OutputFormat::folder).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return folder();
    }
}
