package dev.loglake.generator.ingest;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.LineBuffer;
import dev.loglake.generator.store.ObjectStore;
import dev.loglake.lake.RawLayout;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code loglake ingest}: uploads real access logs to the raw layout. Each line goes, unchanged, to the
 * dt/hour of its own time (UTC); lines without a valid time go to quarantine/ingest/, and the heads of lines longer
 * than {@link #MAX_LINE_BYTES} to quarantine/ingest/too-long/. Object names carry a
 * digest of the file's content, so ingesting the same file again overwrites instead of duplicating; and ingest
 * remembers how much of each log it stored ({@link IngestState}), so that a log that has grown since is ingested
 * from where the last ingest stopped, and an unchanged one stores nothing.
 *
 * <p>A file's output is held gzip-compressed in memory until the file is read (the digest names the
 * objects), so memory grows with the compressed size of the largest input file.
 */
public final class Ingester {
    /**
     * The longest line kept, in bytes: the transforms quarantine a line of more than 65,536 characters
     * (sql/staging/parsed_lines.sql), and 65,536 characters take at most 4 bytes each in UTF-8, so no line the
     * transforms would load is cut here. A longer line is quarantined here, and only its head is kept.
     */
    public static final int MAX_LINE_BYTES = 4 * 65_536;

    /**
     * Where the heads of lines longer than {@link #MAX_LINE_BYTES} go, apart from the lines without a valid time:
     * the reason is in the key, so that a head is never taken for a whole line.
     */
    public static final String TOO_LONG_QUARANTINE_PREFIX = RawLayout.INGEST_QUARANTINE_PREFIX + "too-long/";

    /** Where ingest remembers how much of each log it stored (see {@link IngestState}). */
    public static final String STATE_PREFIX = IngestState.PREFIX;

    private final ObjectStore store;
    private final IngestOptions options;
    private final ProgressReporter progress;

    public Ingester(ObjectStore store, IngestOptions options, ProgressReporter progress) {
        this.store = requireNonNull(store, "store is null");
        this.options = requireNonNull(options, "options is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public IngestSummary run() {
        List<Path> files = files(options.inputs());
        Counts counts = new Counts();
        for (Path file : files) {
            ingest(file, counts);
        }
        return new IngestSummary(
                files.size(),
                counts.read,
                counts.routed,
                counts.quarantined,
                counts.headers,
                counts.withoutShape,
                counts.tooLong,
                counts.filesWithTooLongLines,
                counts.emptyFiles,
                counts.bytesAlreadyIngested,
                counts.leftoversDeleted,
                counts.byDate,
                counts.objects);
    }

    private void ingest(Path file, Counts counts) {
        Optional<String> firstLine = firstLineSha256(file);
        if (firstLine.isEmpty()) {
            counts.emptyFiles.add(file.toString()); // no lines, and no state: a log that starts later is new
            return;
        }
        String stateKey = IngestState.key(options.keyPrefix(), firstLine.get());
        String name = file.getFileName().toString();
        IngestState previous = IngestState.load(store, stateKey).orElse(IngestState.nothingStored(name));
        if (!ingest(file, previous, stateKey, counts)) {
            // Its start is not what was ingested: another file with the same first line, ingested whole. What an
            // interrupted ingest left pending is still replaced.
            ingest(file, IngestState.nothingStored(name).withPending(previous.pending()), stateKey, counts);
        }
    }

    /**
     * Ingests the part of {@code file} after what {@code previous} says is stored, and records the new state.
     * False, with nothing read counted or written, if the file does not start with the bytes {@code previous}
     * names.
     */
    private boolean ingest(Path file, IngestState previous, String stateKey, Counts counts) {
        Map<LocalDateTime, GzipBuffer> hours = new TreeMap<>();
        GzipBuffer quarantine = new GzipBuffer();
        GzipBuffer tooLong = new GzipBuffer();
        MessageDigest digest = sha256();
        MessageDigest content = sha256();
        LineBuffer line = new LineBuffer(4096);
        long start = 0;
        long end;
        boolean lastLineComplete;
        long lines = 0;
        boolean completedLast = false;
        try (BufferedInputStream in = open(file)) {
            if (digestNext(in, content, previous.bytes()) != previous.bytes()
                    || !hex(copy(content).digest()).equals(previous.sha256())) {
                return false;
            }
            start = previous.bytes();
            if (!previous.lastLineComplete() && skipNewline(in, content)) {
                start++; // the newline that completes the line the last ingest stored as it was
                completedLast = true;
            }
            LineReader reader = new LineReader(in, digest, content, MAX_LINE_BYTES);
            while (reader.next(line)) {
                lines++;
                if (reader.tooLong()) {
                    quarantineHead(file, line, tooLong, counts);
                } else {
                    route(file, line, hours, quarantine, counts);
                }
            }
            end = start + reader.consumed();
            lastLineComplete = lines > 0 ? reader.lastLineComplete() : previous.lastLineComplete() || completedLast;
        } catch (IOException e) {
            throw LoglakeException.user("Cannot read %s: %s", file, e.getMessage());
        }
        counts.bytesAlreadyIngested += start;
        if (lines == 0 && !completedLast && previous.pending().isEmpty()) {
            return true; // nothing new: nothing is written, not even the state
        }
        String contentSha256 = hex(content.digest());
        // A whole file's objects are named by its content, as always: ingesting it again overwrites them. The
        // objects of a tail are named by the content up to its end and where the tail starts, so that they never
        // overwrite the objects of the lines stored before.
        String id = start == 0
                ? HexFormat.of().formatHex(digest.digest(), 0, 6)
                : HexFormat.of()
                        .formatHex(
                                sha256().digest((contentSha256 + "@" + start).getBytes(StandardCharsets.US_ASCII)),
                                0,
                                6);
        Map<String, GzipBuffer> objects = new LinkedHashMap<>();
        for (Map.Entry<LocalDateTime, GzipBuffer> hour : hours.entrySet()) {
            String key = RawLayout.hourPrefix(
                            options.keyPrefix(),
                            options.format().folder(),
                            options.site(),
                            hour.getKey().toLocalDate(),
                            hour.getKey().getHour())
                    + "ingest-" + id + ".log.gz";
            objects.put(key, hour.getValue());
        }
        if (quarantine.lines > 0) {
            objects.put(
                    options.keyPrefix() + RawLayout.INGEST_QUARANTINE_PREFIX + id + "-" + safeName(file) + ".gz",
                    quarantine);
        }
        if (tooLong.lines > 0) {
            objects.put(options.keyPrefix() + TOO_LONG_QUARANTINE_PREFIX + id + "-" + safeName(file) + ".gz", tooLong);
        }
        store(objects, previous, stateKey, counts);
        // Last: a run cut off before this point stores the same objects again next time, and replaces those of
        // its own that the log no longer names (see store).
        new IngestState(file.getFileName().toString(), end, contentSha256, lastLineComplete).save(store, stateKey);
        return true;
    }

    /**
     * Stores a file's objects, then deletes the objects an interrupted ingest of the same log left that these do
     * not overwrite. Before the first object, the state records every key this run and the interrupted ones may
     * leave behind, so that a run cut off anywhere in between is cleaned up by the next: a log that grew in
     * between names its objects differently, and its lines would otherwise be stored twice.
     */
    private void store(Map<String, GzipBuffer> objects, IngestState previous, String stateKey, Counts counts) {
        SortedSet<String> pending = new TreeSet<>(previous.pending());
        pending.addAll(objects.keySet());
        if (!objects.isEmpty()) {
            previous.withPending(pending).save(store, stateKey);
        }
        objects.forEach((key, buffer) -> upload(key, buffer, counts));
        // The interrupted run may have stopped before storing some of its keys: only those it stored are left over.
        List<String> leftOver = previous.pending().stream()
                .filter(key -> !objects.containsKey(key) && store.list(key).contains(key))
                .toList();
        if (!leftOver.isEmpty()) {
            store.delete(leftOver);
            counts.leftoversDeleted += leftOver.size();
        }
    }

    /** A line longer than the bound: its head (the bytes kept) shows what it was; the rest was not kept. */
    private void quarantineHead(Path file, LineBuffer line, GzipBuffer tooLong, Counts counts) {
        counts.read++;
        progress.addDone(1);
        tooLong.write(line.array(), line.size());
        counts.quarantined++;
        counts.tooLong++;
        counts.filesWithTooLongLines.add(file.toString());
    }

    private void route(
            Path file, LineBuffer line, Map<LocalDateTime, GzipBuffer> hours, GzipBuffer quarantine, Counts counts) {
        int length = line.size();
        counts.read++;
        progress.addDone(1);
        if (length > 0 && line.array()[length - 1] == '\r') {
            length--;
        }
        if (options.format().isHeader(line.array(), length)) {
            checkHeader(file, new String(line.array(), 0, length, StandardCharsets.UTF_8));
            counts.headers++;
            return;
        }
        Optional<Long> epochSecond = options.format().epochSecond(line.array(), length);
        if (epochSecond.isEmpty()) {
            quarantine.write(line.array(), length);
            counts.quarantined++;
            return;
        }
        LocalDateTime hour = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond.get()), ZoneOffset.UTC)
                .withMinute(0)
                .withSecond(0);
        hours.computeIfAbsent(hour, key -> new GzipBuffer()).write(line.array(), length);
        counts.routed++;
        counts.byDate.merge(hour.toLocalDate().toString(), 1L, Long::sum);
        if (!RealLogShape.matches(options.format(), new String(line.array(), 0, length, StandardCharsets.ISO_8859_1))) {
            counts.withoutShape++;
        }
    }

    /**
     * A CloudFront #Fields header must list the fields the staging file reads by position, in that order; a file
     * with other fields would load wrong values, so it is refused before anything of it is stored.
     */
    private void checkHeader(Path file, String header) {
        if (header.startsWith("#Fields:") && !(header + " ").startsWith(IngestFormat.CLOUDFRONT_FIELDS + " ")) {
            throw LoglakeException.user(
                    "%s is not a CloudFront standard log of the fields loglake reads: its header is '%s', expected"
                            + " one starting with '%s'. Nothing of the file was stored.",
                    file, header, IngestFormat.CLOUDFRONT_FIELDS);
        }
    }

    /** The SHA-256 of the file's first line (at most {@link #MAX_LINE_BYTES} of it); empty for an empty file. */
    private static Optional<String> firstLineSha256(Path file) {
        MessageDigest digest = sha256();
        try (BufferedInputStream in = open(file)) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            for (int length = 0; b >= 0 && b != '\n' && length < MAX_LINE_BYTES; length++) {
                digest.update((byte) b);
                b = in.read();
            }
            return Optional.of(hex(digest.digest()));
        } catch (IOException e) {
            throw LoglakeException.user("Cannot read %s: %s", file, e.getMessage());
        }
    }

    /** Reads up to {@code count} bytes into {@code digest}; returns how many there were. */
    private static long digestNext(InputStream in, MessageDigest digest, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        while (read < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - read));
            if (n < 0) {
                break;
            }
            digest.update(buffer, 0, n);
            read += n;
        }
        return read;
    }

    /** Consumes a newline if one comes next. */
    private static boolean skipNewline(BufferedInputStream in, MessageDigest digest) throws IOException {
        in.mark(1);
        if (in.read() == '\n') {
            digest.update((byte) '\n');
            return true;
        }
        in.reset();
        return false;
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private void upload(String key, GzipBuffer buffer, Counts counts) {
        byte[] bytes = buffer.finish();
        store.put(key, bytes);
        progress.addBytes(bytes.length);
        counts.objects++;
    }

    /**
     * Reads lines up to the next '\n' (not included), keeping at most {@code maxLength} bytes of each in memory:
     * a file without newlines, or a gzip bomb, must not fill the heap. The rest of a longer line is read (and
     * digested) but not kept. Every byte read goes into {@code content} as it is, and into {@code digest} with a
     * '\n' after each line (the digest that names a whole file's objects, as it always has).
     */
    private static final class LineReader {
        private final InputStream in;
        private final MessageDigest digest;
        private final MessageDigest content;
        private final int maxLength;
        /** The bytes of a line past the bound, digested in blocks: a digest update per byte made this 5 MB/s. */
        private final byte[] rest = new byte[1 << 13];

        private int restSize;
        private long length;
        private int lastByte;
        private long consumed;
        private boolean lastLineComplete = true;

        LineReader(InputStream in, MessageDigest digest, MessageDigest content, int maxLength) {
            this.in = requireNonNull(in, "in is null");
            this.digest = requireNonNull(digest, "digest is null");
            this.content = requireNonNull(content, "content is null");
            this.maxLength = maxLength;
        }

        /** Reads the next line into {@code line}; false at the end of the stream. */
        boolean next(LineBuffer line) throws IOException {
            line.clear();
            length = 0;
            lastByte = -1;
            int b = in.read();
            if (b < 0) {
                return false;
            }
            while (b >= 0 && b != '\n') {
                if (length < maxLength) {
                    line.append((byte) b);
                } else {
                    if (length == maxLength) {
                        update(line.array(), line.size());
                    }
                    rest[restSize++] = (byte) b;
                    if (restSize == rest.length) {
                        updateRest();
                    }
                }
                length++;
                lastByte = b;
                b = in.read();
            }
            if (length <= maxLength) {
                update(line.array(), line.size());
            } else {
                updateRest();
            }
            digest.update((byte) '\n');
            lastLineComplete = b == '\n';
            if (lastLineComplete) {
                content.update((byte) '\n');
            }
            consumed += length + (lastLineComplete ? 1 : 0);
            return true;
        }

        private void update(byte[] bytes, int count) {
            digest.update(bytes, 0, count);
            content.update(bytes, 0, count);
        }

        private void updateRest() {
            update(rest, restSize);
            restSize = 0;
        }

        /**
         * Whether the last line was longer than the bound (only its head is in the buffer). The CR of a CRLF line end
         * does not count: a line of the bound with it is kept whole (the buffer holds the line without the CR), as
         * the same line with LF is.
         */
        boolean tooLong() {
            return length > maxLength && !(length == maxLength + 1L && lastByte == '\r');
        }

        /** Bytes read, newlines included. */
        long consumed() {
            return consumed;
        }

        /** Whether the last line read ended with a newline (not with the end of the stream). */
        boolean lastLineComplete() {
            return lastLineComplete;
        }
    }

    private static BufferedInputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        // Detect gzip by its magic number rather than the name: rotated logs are named .1, .gz or nothing.
        return first == 0x1f && second == 0x8b
                ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
                : in;
    }

    private static List<Path> files(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(path -> !path.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw LoglakeException.user("Cannot list %s: %s", input, e.getMessage());
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static String safeName(Path file) {
        return file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final class Counts {
        long read;
        long routed;
        long quarantined;
        long headers;
        long withoutShape;
        long tooLong;
        long bytesAlreadyIngested;
        int leftoversDeleted;
        final SortedSet<String> filesWithTooLongLines = new TreeSet<>();
        final SortedSet<String> emptyFiles = new TreeSet<>();
        int objects;
        final Map<String, Long> byDate = new TreeMap<>();
    }

    /** Lines of one output object, gzip-compressed as they come. */
    private static final class GzipBuffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final GZIPOutputStream gzip;
        long lines;

        GzipBuffer() {
            try {
                gzip = new GZIPOutputStream(bytes, 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(byte[] line, int length) {
            try {
                gzip.write(line, 0, length);
                gzip.write('\n');
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] finish() {
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
