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
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * @param pending the keys of the objects an ingest of this log was storing beyond {@code bytes} when it stopped
 *     (killed, or failed) before it recorded them as stored; empty once an ingest completes. Their names come from
 *     the content that ingest read: a rerun after the log grew names its objects differently, and deletes these
 *     once its own are stored, so that no line is stored twice.
 */
record IngestState(String file, long bytes, String sha256, boolean lastLineComplete, SortedSet<String> pending) {
    /** Where the states live in the raw bucket: outside access/, which the raw tables read. */
    static final String PREFIX = "ingest/state/";

    /** The SHA-256 of no bytes: what a state that has stored nothing of its log names. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PENDING = "pending.";

    IngestState {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
        if (bytes < 0 || !SHA256.matcher(sha256).matches() || (bytes == 0 && !sha256.equals(EMPTY_SHA256))) {
            throw new IllegalArgumentException("Invalid ingest state: bytes=" + bytes + ", sha256=" + sha256);
        }
        pending = Collections.unmodifiableSortedSet(new TreeSet<>(pending));
    }

    /** A state recording that {@code bytes} of the log are stored, and nothing is pending. */
    IngestState(String file, long bytes, String sha256, boolean lastLineComplete) {
        this(file, bytes, sha256, lastLineComplete, new TreeSet<>());
    }

    /** The state of a log none of which is stored. */
    static IngestState nothingStored(String file) {
        return new IngestState(file, 0, EMPTY_SHA256, true);
    }

    /** The same stored part, with {@code keys} pending. */
    IngestState withPending(SortedSet<String> keys) {
        return new IngestState(file, bytes, sha256, lastLineComplete, keys);
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
            SortedSet<String> pending = new TreeSet<>();
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(PENDING)) {
                    pending.add(properties.getProperty(name));
                }
            }
            return Optional.of(new IngestState(
                    properties.getProperty("file", ""),
                    Long.parseLong(properties.getProperty("bytes", "")),
                    properties.getProperty("sha256", ""),
                    Boolean.parseBoolean(properties.getProperty("last-line-complete", "true")),
                    pending));
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
        int index = 0;
        for (String object : pending) {
            properties.setProperty(PENDING + index++, object);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            properties.store(
                    writer,
                    "What 'loglake ingest' has stored of this log; the next ingest stores only the rest."
                            + (pending.isEmpty()
                                    ? ""
                                    : " pending.N: objects an ingest was storing when it stopped; the next one"
                                            + " replaces them."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(key, out.toByteArray());
    }
}
