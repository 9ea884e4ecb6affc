package dev.loglake.generator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.store.ObjectStore;
import dev.loglake.generator.store.ObjectUpload;
import dev.loglake.generator.store.OpenUpload;
import dev.loglake.generator.store.TestingObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIngester {
    /** Real-world-shaped lines and the dt/hour each belongs to ("quarantine" for none). */
    private static final Map<String, String> LINES = lines();

    @TempDir
    Path directory;

    @Test
    void everyLineIsInItsHourOrInQuarantine() throws IOException {
        List<String> all = new ArrayList<>(LINES.keySet());
        Path plain = directory.resolve("access.log");
        Files.write(plain, String.join("\n", all.subList(0, 6)).concat("\n").getBytes(StandardCharsets.UTF_8));
        Path rotated = directory.resolve("logs/access.log.1");
        Files.createDirectories(rotated.getParent());
        Files.write(rotated, gzip(String.join("\r\n", all.subList(6, all.size())) + "\r\n"));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary = ingest(store, List.of(plain, directory.resolve("logs")));

        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.linesRead()).isEqualTo(LINES.size());
        Map<String, String> found = new HashMap<>();
        for (String key : logObjects(store)) {
            String place = key.startsWith("quarantine/ingest/")
                    ? "quarantine"
                    : key.replaceAll("access/combined/(dt=[^/]+/hour=\\d{2})/ingest-[0-9a-f]{12}\\.log\\.gz", "$1");
            for (String line : gunzip(store.get(key)).split("\n")) {
                assertThat(found.put(line, place))
                        .as("line written twice: %s", line)
                        .isNull();
            }
        }
        assertThat(found).isEqualTo(LINES);
        assertThat(summary.linesQuarantined())
                .isEqualTo(LINES.values().stream().filter("quarantine"::equals).count());
        assertThat(summary.routedWithoutShape()).isEqualTo(1);
    }

    @Test
    void ingestingTheSameFileAgainOverwrites() throws IOException {
        Path file = directory.resolve("access.log");
        Files.write(file, String.join("\n", LINES.keySet()).getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));
        List<String> keys = store.list("");
        ingest(store, List.of(file));
        assertThat(store.list("")).isEqualTo(keys);
    }

    @Test
    void aLineLongerThanTheBoundIsQuarantinedWithOnlyItsHeadKeptAndTheNextLinesStillRoute() throws IOException {
        String good = "203.0.113.9 - - [01/Nov/2026:10:59:59 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"";
        Path file = directory.resolve("huge.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((good + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) { // 4 MiB without a newline
                out.write(chunk);
            }
            out.write(("\n" + good + "\nno time here\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path noNewline = directory.resolve("nonewline.log.gz");
        Files.write(noNewline, gzip("x".repeat(Ingester.MAX_LINE_BYTES + 1)));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary = ingest(store, List.of(file, noNewline));

        assertThat(summary.linesRead()).isEqualTo(5);
        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.linesQuarantined()).isEqualTo(3);
        assertThat(summary.linesTooLong()).isEqualTo(2);
        assertThat(summary.filesWithTooLongLines()).containsExactly(file.toString(), noNewline.toString());
        // The reason is in the key: a head of 262,144 bytes in quarantine must not pass for a whole line.
        List<String> heads = store.list("quarantine/ingest/too-long/");
        assertThat(heads)
                .hasSize(2)
                .allMatch(key ->
                        key.matches("quarantine/ingest/too-long/[0-9a-f]{12}-(huge\\.log|nonewline\\.log\\.gz)\\.gz"));
        for (String key : heads) {
            String content = gunzip(store.get(key));
            assertThat(content).hasSize(Ingester.MAX_LINE_BYTES + 1).endsWith("\n");
            assertThat(content).startsWith(key.contains("huge") ? "0123456789abcdef" : "xxxxxxxxxxxxxxxx");
        }
        List<String> withoutTime = store.list("quarantine/ingest/").stream()
                .filter(key -> !key.startsWith("quarantine/ingest/too-long/"))
                .toList();
        assertThat(withoutTime).singleElement().satisfies(key -> assertThat(gunzip(store.get(key)))
                .isEqualTo("no time here\n"));
    }

    /** A CRLF line's CR is a line end, not a byte of the line: it does not make a line of the bound too long. */
    @Test
    void aLineOfExactlyTheBoundIsKeptWholeWithCrlfAsWithLf() throws IOException {
        String head = "203.0.113.9 - - [01/Nov/2026:10:59:59 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"";
        String line = head + "a".repeat(Ingester.MAX_LINE_BYTES - head.length() - 1) + "\"";
        for (String end : List.of("\n", "\r\n")) {
            Path file = Files.writeString(directory.resolve("bound-" + end.length() + ".log"), line + end);
            TestingObjectStore store = new TestingObjectStore();

            IngestSummary summary = ingest(store, List.of(file));

            assertThat(summary.linesTooLong())
                    .as("too long, with %d-byte line ends", end.length())
                    .isZero();
            assertThat(storedLines(store))
                    .as("with %d-byte line ends", end.length())
                    .containsExactly(line);
        }
    }

    @Test
    void aLogThatGrewSinceStoresOnlyItsNewLines() throws IOException {
        List<String> all = routedLines();
        Path file = directory.resolve("access.log");
        Files.writeString(file, String.join("\n", all.subList(0, 3)) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));
        long before = Files.size(file);

        Files.writeString(file, String.join("\n", all.subList(3, all.size())) + "\n", StandardOpenOption.APPEND);
        IngestSummary appended = ingest(store, List.of(file));

        assertThat(appended.linesRead()).isEqualTo(all.size() - 3);
        assertThat(appended.bytesAlreadyIngested()).isEqualTo(before);
        assertThat(storedLines(store)).containsExactlyInAnyOrderElementsOf(all);
    }

    /** What is stored of a line too long is its head, but the log's state covers every byte of it. */
    @Test
    void aLogWithALineTooLongThatGrewSinceStoresOnlyItsNewLines() throws IOException {
        List<String> all = routedLines();
        Path file = directory.resolve("access.log");
        String tooLong = "y".repeat(3 * Ingester.MAX_LINE_BYTES + 12_345);
        Files.writeString(file, all.get(0) + "\n" + tooLong + "\n" + all.get(1) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));
        long before = Files.size(file);

        Files.writeString(file, all.get(2) + "\n", StandardOpenOption.APPEND);
        IngestSummary appended = ingest(store, List.of(file));

        assertThat(appended.bytesAlreadyIngested()).isEqualTo(before);
        assertThat(appended.linesRead()).isEqualTo(1);
        assertThat(storedLines(store))
                .containsExactlyInAnyOrder(
                        all.get(0), all.get(1), all.get(2), tooLong.substring(0, Ingester.MAX_LINE_BYTES));
    }

    @Test
    void ingestingTheIdenticalFileAgainStoresNothingNewEvenWhenRotatedOrCompressed() throws IOException {
        List<String> all = routedLines();
        Path file = directory.resolve("access.log");
        Files.writeString(file, String.join("\n", all) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));
        store.clearWrittenKeys();

        IngestSummary again = ingest(store, List.of(file));
        Path rotated = Files.write(directory.resolve("access.log.2.gz"), gzip(Files.readString(file)));
        IngestSummary compressed = ingest(store, List.of(rotated));

        assertThat(again.linesRead()).isZero();
        assertThat(again.bytesAlreadyIngested()).isEqualTo(Files.size(file));
        assertThat(compressed.linesRead()).isZero();
        assertThat(store.writtenKeys()).isEmpty();
        assertThat(storedLines(store)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aLastLineWithoutNewlineIsStoredOnceWhenTheLogGoesOn() throws IOException {
        List<String> all = routedLines();
        Path file = directory.resolve("access.log");
        Files.writeString(file, all.get(0) + "\n" + all.get(1));
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));

        Files.writeString(file, "\n" + all.get(2) + "\n", StandardOpenOption.APPEND);
        IngestSummary appended = ingest(store, List.of(file));

        assertThat(appended.linesRead()).isEqualTo(1);
        assertThat(appended.linesQuarantined()).isZero();
        assertThat(storedLines(store)).containsExactlyInAnyOrder(all.get(0), all.get(1), all.get(2));
    }

    @Test
    void anotherLogWithTheSameFirstLineIsIngestedWhole() throws IOException {
        List<String> all = routedLines();
        TestingObjectStore store = new TestingObjectStore();
        Path first = Files.writeString(directory.resolve("a.log"), all.get(0) + "\n" + all.get(1) + "\n");
        ingest(store, List.of(first));

        Path other = Files.writeString(
                directory.resolve("b.log"), all.get(0) + "\n" + all.get(2) + "\n" + all.get(3) + "\n");
        IngestSummary whole = ingest(store, List.of(other));

        assertThat(whole.linesRead()).isEqualTo(3);
        assertThat(whole.bytesAlreadyIngested()).isZero();
    }

    @Test
    void anIngestCutOffBetweenItsUploadsAndRunAgainStoresEveryLineOnce() throws IOException {
        List<String> all = routedLines();
        Path file = Files.writeString(directory.resolve("access.log"), String.join("\n", all) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        assertThatThrownBy(() -> ingest(new DyingStore(store, 2), List.of(file)))
                .isInstanceOf(ProcessKilled.class);
        assertThat(store.list("access/")).as("hours stored before the kill").hasSize(2);

        IngestSummary rerun = ingest(store, List.of(file));

        assertThat(rerun.linesRead()).isEqualTo(all.size());
        assertThat(rerun.leftoversDeleted())
                .as("objects overwritten, none left over")
                .isZero();
        assertThat(storedLines(store)).containsExactlyInAnyOrderElementsOf(all);
    }

    /**
     * A live log grows between a run cut off half-way and its rerun: the objects the cut-off run stored are named by
     * the content it read, which the grown log no longer has, so the rerun must remove them, not store their lines
     * a second time beside its own.
     */
    @Test
    void anIngestCutOffBetweenItsUploadsAndRunAgainAfterTheLogGrewStoresEveryLineOnce() throws IOException {
        List<String> all = routedLines();
        Path file = Files.writeString(directory.resolve("access.log"), String.join("\n", all.subList(0, 4)) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        assertThatThrownBy(() -> ingest(new DyingStore(store, 2), List.of(file)))
                .isInstanceOf(ProcessKilled.class);
        Files.writeString(file, String.join("\n", all.subList(4, all.size())) + "\n", StandardOpenOption.APPEND);

        IngestSummary rerun = ingest(store, List.of(file));

        assertThat(rerun.leftoversDeleted())
                .as("the two hours stored before the kill")
                .isEqualTo(2);
        assertThat(storedLines(store)).containsExactlyInAnyOrderElementsOf(all);
    }

    /** The same, when the cut-off run was storing the new lines of a log an earlier ingest had stored in part. */
    @Test
    void aCutOffIngestOfANewTailRunAgainAfterTheLogGrewStoresEveryLineOnce() throws IOException {
        List<String> all = routedLines();
        Path file = Files.writeString(directory.resolve("access.log"), all.get(0) + "\n");
        TestingObjectStore store = new TestingObjectStore();
        ingest(store, List.of(file));
        Files.writeString(file, String.join("\n", all.subList(1, 4)) + "\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ingest(new DyingStore(store, 1), List.of(file)))
                .isInstanceOf(ProcessKilled.class);
        Files.writeString(file, String.join("\n", all.subList(4, all.size())) + "\n", StandardOpenOption.APPEND);

        ingest(store, List.of(file));

        assertThat(storedLines(store)).containsExactlyInAnyOrderElementsOf(all);
    }

    /**
     * An empty log (a quiet night) and the gzip of one (logrotate compresses empty logs unless told notifempty), and an
     * empty file named .gz: nothing to store, not even a state, and the summary names them.
     */
    @Test
    void emptyFilesAndAnEmptyGzipStoreNothingAndAreNamed() throws IOException {
        Path empty = Files.write(directory.resolve("access.log"), new byte[0]);
        Path emptyGzip = Files.write(directory.resolve("access.log.1.gz"), gzip(""));
        Path emptyNamedGz = Files.write(directory.resolve("access.log.2.gz"), new byte[0]);
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary = ingest(store, List.of(empty, emptyGzip, emptyNamedGz));

        assertThat(Files.size(emptyGzip))
                .as("a gzip stream: header, empty block, trailer")
                .isEqualTo(20);
        assertThat(summary.files()).isEqualTo(3);
        assertThat(summary.linesRead()).isZero();
        assertThat(summary.objects()).isZero();
        assertThat(summary.emptyFiles())
                .containsExactly(empty.toString(), emptyGzip.toString(), emptyNamedGz.toString());
        assertThat(store.writtenKeys()).isEmpty();
    }

    @Test
    void aMissingInputIsNamed() {
        assertThatThrownBy(() -> new IngestOptions(List.of(directory.resolve("nope.log")), IngestFormat.COMBINED, ""))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("nope.log")
                .hasMessageContaining("no such file");
    }

    /** Lines that each route to an hour (no quarantine), in the order of {@link #LINES}. */
    private static List<String> routedLines() {
        return LINES.entrySet().stream()
                .filter(entry -> !entry.getValue().equals("quarantine"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Every object but the ingest states. */
    private static List<String> logObjects(TestingObjectStore store) {
        return store.list("").stream()
                .filter(key -> !key.startsWith(IngestState.PREFIX))
                .toList();
    }

    /** Every line stored, as often as it is stored. */
    private static List<String> storedLines(TestingObjectStore store) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String key : logObjects(store)) {
            lines.addAll(List.of(gunzip(store.get(key)).split("\n")));
        }
        return lines;
    }

    /** What a process killed (SIGKILL) in the middle of an upload leaves: nothing after it runs. */
    private static final class ProcessKilled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessKilled(String key) {
            super("killed before storing " + key);
        }
    }

    /**
     * A store whose process dies before its log object number {@code logObjects + 1} (an hour or a quarantine
     * object) is stored: every write before that is kept, none after.
     */
    private static final class DyingStore implements ObjectStore {
        private final TestingObjectStore store;
        private int logObjectsLeft;

        DyingStore(TestingObjectStore store, int logObjects) {
            this.store = store;
            this.logObjectsLeft = logObjects;
        }

        @Override
        public ObjectUpload upload(String key) {
            throw new UnsupportedOperationException("ingest puts whole objects");
        }

        @Override
        public void put(String key, byte[] bytes) {
            if (!key.startsWith(IngestState.PREFIX) && logObjectsLeft-- == 0) {
                throw new ProcessKilled(key);
            }
            store.put(key, bytes);
        }

        @Override
        public byte[] get(String key) {
            return store.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public void delete(List<String> keys) {
            store.delete(keys);
        }

        @Override
        public List<OpenUpload> openUploads(String prefix) {
            return store.openUploads(prefix);
        }

        @Override
        public void abort(OpenUpload upload) {
            store.abort(upload);
        }

        @Override
        public String describe() {
            return store.describe();
        }
    }

    private static IngestSummary ingest(ObjectStore store, List<Path> inputs) {
        ProgressReporter progress = new ProgressReporter(
                "lines", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
        return new Ingester(store, new IngestOptions(inputs, IngestFormat.COMBINED, ""), progress).run();
    }

    private static Map<String, String> lines() {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        lines.put(
                "2001:db8::1 - - [01/Nov/2026:10:15:32 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"curl/8.5.0\"",
                "dt=2026-11-01/hour=10");
        lines.put(
                "203.0.113.9 - - [01/Nov/2026:10:59:59 +0000] \"HEAD /health HTTP/1.1\" 200 - \"-\" \"kube-probe/1.30\"",
                "dt=2026-11-01/hour=10");
        lines.put(
                "198.51.100.7 - frank [01/Nov/2026:23:30:00 -0200] \"GET /a\\\"b HTTP/1.1\" 404 153 \"https://ex.example/\" \"Mozilla/5.0 (X11; \\\"quoted\\\" agent)\"",
                "dt=2026-11-02/hour=01");
        lines.put(
                "::ffff:192.0.2.1 - - [02/Nov/2026:00:00:00 +0100] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\"",
                "dt=2026-11-01/hour=23");
        lines.put("this is not a log line at all", "quarantine");
        lines.put("192.0.2.44 - - [31/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"x\"", "quarantine");
        lines.put(
                "192.0.2.45 - - [02/Nov/2026:05:06:07 +0000] \"GET /with space/in path HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0 (Windows NT 10.0)\" 1234 extra",
                "dt=2026-11-02/hour=05");
        lines.put(
                "192.0.2.46 - - [02/Nov/2026:05:06:08 +0000] \"GET /common HTTP/1.0\" 200 2326",
                "dt=2026-11-02/hour=05");
        lines.put("", "quarantine");
        lines.put("192.0.2.47 - - \"GET / HTTP/1.1\" [02/Nov/2026:05:06:08 +0000] 200 1 \"-\" \"-\"", "quarantine");
        lines.put("fe80::1%eth0 - - [03/Nov/2026:12:00:00 +0000] \"-\" 408 0 \"-\" \"-\"", "dt=2026-11-03/hour=12");
        return lines;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
