package dev.loglake.generator.ingest;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How much of a source log is already in the raw layout, kept in the raw bucket beside it, so that ingesting a
 * log that has grown since (access.log appended to) stores only its new lines. A log is known by the digest of
 * its first line, not by its name: the first line of an access log (time, client, request) identifies it, and
 * stays the same when the log grows, is rotated to access.log.1 or is compressed to access.log.2.gz.
 *
 * @param file the file's name when it was last ingested, for people reading the state
 * @param bytes how many bytes of the file's content (after gzip) are ingested
 * @param sha256 the SHA-256 of those bytes: a file whose start differs is another file, ingested whole
 * @param lastLineComplete whether those bytes end with a newline; if not, the last line was ingested as it was
 */
record IngestState(String file, long bytes, String sha256, boolean lastLineComplete) {
    /** Where the states live in the raw bucket: outside access/, which the raw tables read. */
    static final String PREFIX = "ingest/state/";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    IngestState {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
        if (bytes < 0 || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Invalid ingest state: bytes=" + bytes + ", sha256=" + sha256);
        }
    }

    /** The key of the state of the log whose first line has the digest {@code firstLineSha256}. */
    static String key(String keyPrefix, String firstLineSha256) {
        return keyPrefix + PREFIX + firstLineSha256.substring(0, 32) + ".properties";
    }

    static Optional<IngestState> load(ObjectStore store, String key) {
        if (!store.list(key).contains(key)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader =
                new InputStreamReader(new java.io.ByteArrayInputStream(store.get(key)), StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new IngestState(
                    properties.getProperty("file", ""),
                    Long.parseLong(properties.getProperty("bytes", "")),
                    properties.getProperty("sha256", ""),
                    Boolean.parseBoolean(properties.getProperty("last-line-complete", "true"))));
        } catch (IOException | IllegalArgumentException e) {
            throw LoglakeException.external(
                    "Cannot read the ingest state %s in %s: %s. Delete it to ingest the log whole again.",
                    key, store.describe(), e.getMessage());
        }
    }

    void save(ObjectStore store, String key) {
        Properties properties = new Properties();
        properties.setProperty("file", file);
        properties.setProperty("bytes", Long.toString(bytes));
        properties.setProperty("sha256", sha256);
        properties.setProperty("last-line-complete", Boolean.toString(lastLineComplete));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            properties.store(
                    writer, "What 'loglake ingest' has stored of this log; the next ingest stores only the rest.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(key, out.toByteArray());
    }
}
