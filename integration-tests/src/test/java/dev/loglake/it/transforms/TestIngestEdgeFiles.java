package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.generator.ingest.Ingester;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.LoglakeCli;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files at the edges of what {@code loglake ingest} reads (issue 13), through the real command line and, where the
 * lake's result matters, the transforms: empty files, a log written with CRLF line ends, and a file without a
 * newline far larger than the bound of a line and than the command's heap.
 */
@ExtendWith(LocalStackExtension.class)
class TestIngestEdgeFiles {
    private static final LocalDate DAY = LocalDate.of(2039, 5, 20);
    private static final String TIME = "[20/May/2039:09:30:00 +0000]";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    /** The heap of the command that reads the file without a newline: a quarter of the file. */
    private static final int HEAP_MB = 64;

    @TempDir
    Path work;

    @Test
    void emptyFilesAndAnEmptyGzipAreNothingToIngestAndStoreNothing(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "ingest_empty");
        Path empty = Files.write(work.resolve("access.log"), new byte[0]);
        Path emptyGzip = Files.write(work.resolve("access.log.1.gz"), gzip(new byte[0]));

        LoglakeCli.Run run = cli(stack, lake, "empty").start("empty", "ingest", empty.toString(), emptyGzip.toString());

        assertThat(run.awaitExit(RUN_LIMIT)).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout())
                .startsWith(
                        "Nothing to ingest: 2 empty files (" + empty + ", " + emptyGzip + "); no object was stored.");
        assertThat(objects(stack, lake, "")).as("objects in the raw bucket").isEmpty();
    }

    /**
     * Every line of a CRLF log parses to exactly its text, and no CR is stored: not in the raw objects (the
     * transforms, which remove one trailing CR themselves, would hide one), not in a field, not in the text of a
     * line the transforms quarantine, not in ingest's quarantine.
     */
    @Test
    void aLogWithCrlfLineEndsParsesEveryLineAndStoresNoCarriageReturn(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "ingest_crlf");
        String agentLast = "203.0.113.5 - - " + TIME + " \"GET /crlf/agent HTTP/1.1\" 200 99 \"https://ref.example/\""
                + " \"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\"";
        String microsLast =
                "203.0.113.6 - - " + TIME + " \"GET /crlf/micros HTTP/1.1\" 404 - \"-\" \"curl/8.5.0\" 1534";
        // A user agent of 5,000 characters: the shape check of ingest overflowed the stack on a quoted field of 2,000.
        String longAgent = "Mozilla/5.0 (compatible; " + "x".repeat(5_000) + ")";
        String longLast =
                "203.0.113.8 - - " + TIME + " \"GET /crlf/long-agent HTTP/1.1\" 200 1 \"-\" \"" + longAgent + "\"";
        String common = "203.0.113.7 - - " + TIME + " \"GET /crlf/common HTTP/1.0\" 200 5";
        String withoutTime = "GET /crlf/no-time HTTP/1.1 from a broken client";
        Path log = Files.write(
                work.resolve("windows-access.log"),
                String.join("\r\n", agentLast, microsLast, longLast, common, withoutTime, "")
                        .getBytes(StandardCharsets.UTF_8));

        LoglakeCli.Run run = cli(stack, lake, "crlf").start("crlf", "ingest", log.toString(), "--format", "combined");
        assertThat(run.awaitExit(RUN_LIMIT)).as("stderr: %s", run.stderr()).isZero();
        Map<String, byte[]> stored = objects(stack, lake, "");
        assertThat(stored.keySet())
                .as("one hour, ingest's quarantine and the log's state")
                .hasSize(3);
        stored.forEach((key, bytes) -> assertThat(bytes).as(key).doesNotContain((byte) '\r'));
        assertThat(text(stored, "quarantine/ingest/")).isEqualTo(withoutTime + "\n");

        lake.transform(TransformRequest.days(new DayRange(DAY, DAY)));

        assertThat(lake.single("SELECT count(*) FROM " + lake.table("raw", "log_lines") + " WHERE strpos(line, chr(13))"
                        + " = 0"))
                .as("raw lines without a CR")
                .isEqualTo(4);
        Map<String, List<Object>> parsed = new LinkedHashMap<>();
        for (List<Object> row : lake.rows("SELECT path, user_agent, referrer, response_micros, status FROM "
                + lake.table("marts", "fact_requests") + " ORDER BY path")) {
            parsed.put((String) row.get(0), row.subList(1, row.size()));
        }
        assertThat(parsed)
                .as("the parsed lines, their last fields exactly")
                .isEqualTo(Map.of(
                        "/crlf/agent",
                        Arrays.asList(
                                "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "https://ref.example/", null, 200),
                        "/crlf/micros",
                        Arrays.asList("curl/8.5.0", null, 1534L, 404),
                        "/crlf/long-agent",
                        Arrays.asList(longAgent, null, null, 200)));
        assertThat(lake.rows("SELECT raw_line, reason FROM " + lake.table("staging", "quarantine")))
                .as("the line the transforms quarantined, as logged without its CR")
                .containsExactly(List.of(common, "not a combined log line"));
    }

    /**
     * A file without a single newline, a thousand times the bound of a line and four times the command's heap (a
     * binary file given by mistake, or a log whose writer never ended a line): the run completes, keeps the line's
     * head in the quarantine of lines too long, says so, and stores nothing else.
     */
    @Test
    void aFileWithoutANewlineLargerThanTheLineBoundIsQuarantinedByItsHeadInBoundedMemory(TestStack stack)
            throws Exception {
        TransformFixture lake = new TransformFixture(stack, "ingest_nonewline");
        long size = 4L * HEAP_MB * 1024 * 1024;
        Path file = work.resolve("no-newline.log");
        byte[] head = ("203.0.113.9 - - " + TIME + " \"GET /").getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head);
            out.setLength(size); // the rest reads as NUL bytes, and takes no disk
        }

        LoglakeCli.Run run = cli(stack, lake, "nonewline")
                .start("nonewline", List.of("-Xmx" + HEAP_MB + "m"), "ingest", file.toString());

        assertThat(run.awaitExit(RUN_LIMIT)).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("Read 1 lines from 1 files: 0 routed to 0 dates, 1 quarantined")
                .contains("1 of the quarantined lines are longer than 262,144 bytes (only their head was kept, in s3://"
                        + lake.lake().rawBucket() + "/quarantine/ingest/too-long/), in: " + file);
        Map<String, byte[]> stored = objects(stack, lake, "quarantine/");
        assertThat(stored.keySet()).singleElement().satisfies(key -> assertThat(key)
                .startsWith("quarantine/ingest/too-long/"));
        byte[] expected = new byte[Ingester.MAX_LINE_BYTES + 1];
        System.arraycopy(head, 0, expected, 0, head.length);
        expected[Ingester.MAX_LINE_BYTES] = '\n';
        assertThat(stored.values().iterator().next())
                .as("the line's first 262,144 bytes")
                .isEqualTo(expected);
        assertThat(objects(stack, lake, "access/")).as("raw log objects").isEmpty();
    }

    private LoglakeCli cli(TestStack stack, TransformFixture lake, String name) throws IOException {
        return new LoglakeCli(
                stack,
                Map.of(LakeConfig.RAW_BUCKET, lake.lake().rawBucket()),
                Files.createDirectories(work.resolve("cli-" + name)));
    }

    /** Every object under {@code prefix} (s3proxy's directory entries left out), gunzipped where it is gzip. */
    private static Map<String, byte[]> objects(TestStack stack, TransformFixture lake, String prefix)
            throws IOException {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        try (S3Client s3 = stack.newS3Client()) {
            String bucket = lake.lake().rawBucket();
            for (S3Object object : s3.listObjectsV2Paginator(
                            request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                if (!object.key().endsWith("/")) {
                    byte[] bytes = s3.getObjectAsBytes(
                                    request -> request.bucket(bucket).key(object.key()))
                            .asByteArray();
                    objects.put(object.key(), object.key().endsWith(".gz") ? gunzip(bytes) : bytes);
                }
            }
        }
        return objects;
    }

    private static String text(Map<String, byte[]> objects, String prefix) {
        return objects.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
                .reduce("", String::concat);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
