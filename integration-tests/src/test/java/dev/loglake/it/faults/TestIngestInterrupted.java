package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.LoglakeCli;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code loglake ingest} killed (SIGKILL) while it uploads a log's hours, then run again (issue 13): the real command
 * line in a process of its own, on a log of three days that the test writes, so the test knows every line's hour.
 * Between the two runs the log grows, as a live access.log does: the killed run's objects are named by the content it
 * read, so the rerun must replace them, not store their lines a second time (TestIngester runs the same cases in
 * memory, and the rerun of an unchanged log). The rerun completes; the lake loaded from the raw bucket holds every
 * valid line of the log once (counts per hour, no line missing, none twice), the lines without a time are in
 * ingest's quarantine once, and nothing is left half-written.
 */
@ExtendWith(LocalStackExtension.class)
class TestIngestInterrupted {
    private static final LocalDate FIRST_DAY = LocalDate.of(2039, 4, 1);
    private static final int DAYS = 3;
    private static final int HOURS = DAYS * 24;
    private static final int LINES_PER_HOUR = 500;
    /** The log's last lines, in its last hour, written after the kill. */
    private static final int LINES_WRITTEN_AFTER_THE_KILL = 100;

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final String[] ZONES = {"+0000", "-0700", "+0530"};
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ENGLISH);

    @TempDir
    Path work;

    @Test
    void aKilledIngestRunAgainLeavesEveryLineOfTheLogInTheLakeOnce(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "ingest_killed");
        String bucket = lake.lake().rawBucket();
        AccessLog log = AccessLog.of(work.resolve("access.log"));
        int beforeTheKill = log.lines().size() - LINES_WRITTEN_AFTER_THE_KILL;
        log.write(0, beforeTheKill);
        LoglakeCli cli = new LoglakeCli(
                stack, Map.of(LakeConfig.RAW_BUCKET, bucket), Files.createDirectories(work.resolve("cli")));
        String[] ingest = {log.file().toString(), "--format", "combined"};
        try (S3Client s3 = stack.newS3Client()) {
            long started = System.nanoTime();
            LoglakeCli.Run killed = cli.start("killed", "ingest", ingest);
            awaitFirstHourStored(s3, bucket, killed);
            killed.kill();
            List<String> storedWhenKilled = hourObjects(s3, bucket);
            System.out.printf(
                    Locale.ROOT,
                    "ingest killed %.1f s after its start, with %d of %d hours stored%n",
                    (System.nanoTime() - started) / 1e9,
                    storedWhenKilled.size(),
                    HOURS);
            assertThat(storedWhenKilled)
                    .as("hours stored when the ingest was killed: some, not all (else make the log longer)")
                    .hasSizeBetween(1, HOURS - 1);
            assertWholeAndNoUploadOpen(s3, bucket, storedWhenKilled);

            log.write(beforeTheKill, log.lines().size());
            started = System.nanoTime();
            LoglakeCli.Run rerun = cli.start("rerun", "ingest", ingest);
            assertThat(rerun.awaitExit(RUN_LIMIT))
                    .as("rerun; stderr: %s", rerun.stderr())
                    .isZero();
            System.out.printf(Locale.ROOT, "rerun: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(rerun.stdout())
                    .as("the killed run recorded nothing as stored: the rerun reads the whole log")
                    .contains(String.format(
                            Locale.ROOT,
                            "Read %,d lines from 1 files: %,d routed to %d dates, %,d quarantined",
                            log.lines().size(),
                            log.lines().size() - log.withoutTime().size(),
                            DAYS,
                            log.withoutTime().size()))
                    .doesNotContain("Skipped");
            assertThat(rerun.stdout())
                    .as("the killed run's objects, named by the log as it was, replaced")
                    .contains("Deleted " + storedWhenKilled.size() + " objects an interrupted ingest of these logs"
                            + " had stored");
            List<String> hours = hourObjects(s3, bucket);
            assertThat(hours).as("the killed run's objects").doesNotContainAnyElementsOf(storedWhenKilled);
            assertThat(hours.stream().map(key -> key.substring(0, key.lastIndexOf('/'))))
                    .as("objects: one per hour of the log")
                    .hasSize(HOURS)
                    .doesNotHaveDuplicates();
            assertWholeAndNoUploadOpen(s3, bucket, hours);
            assertThat(quarantinedByIngest(s3, bucket))
                    .as("the lines without a time, once each")
                    .containsExactlyInAnyOrderElementsOf(log.withoutTime());
        }

        lake.transform(TransformRequest.days(new DayRange(FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1))));

        assertLakeHoldsTheLog(lake, log);
    }

    /** Waits, by listing the bucket, until the run has stored the log's first hour. */
    private static void awaitFirstHourStored(S3Client s3, String bucket, LoglakeCli.Run run) {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (hourObjects(s3, bucket).isEmpty()) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("ingest never stored an hour; stderr: " + run.stderr());
            }
        }
    }

    /**
     * The stored hour objects. The local S3 server lists a PUT still in progress as a temporary key beside it
     * ({@code <name>-<uuid>}), gone when the PUT is cut off: only the objects' own names count.
     */
    private static List<String> hourObjects(S3Client s3, String bucket) {
        return RawBucket.objects(s3, bucket, "access/").keySet().stream()
                .filter(key -> key.endsWith(".log.gz"))
                .toList();
    }

    /** No upload left open, and every object whole: a PUT cut off by the kill must not be visible. */
    private static void assertWholeAndNoUploadOpen(S3Client s3, String bucket, List<String> keys) throws IOException {
        assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .as("multipart uploads left open")
                .isEmpty();
        for (String key : keys) {
            assertThat(gunzipLines(s3, bucket, key)).as(key).isNotEmpty(); // a truncated gzip fails to read
        }
    }

    private static List<String> quarantinedByIngest(S3Client s3, String bucket) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String key : RawBucket.objects(s3, bucket, "quarantine/ingest/").keySet()) {
            lines.addAll(gunzipLines(s3, bucket, key));
        }
        return lines;
    }

    private static List<String> gunzipLines(S3Client s3, String bucket, String key) throws IOException {
        try (InputStream in = new GZIPInputStream(
                s3.getObject(request -> request.bucket(bucket).key(key)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void assertLakeHoldsTheLog(TransformFixture lake, AccessLog log) throws Exception {
        String facts = lake.table("marts", "fact_requests");
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("raw", "log_lines")))
                .as("raw lines: every line with a time, once")
                .isEqualTo(log.validPerHour().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + log.notCombined());
        Map<String, Long> perHour = new TreeMap<>();
        for (List<Object> row :
                lake.rows("SELECT format('%s %02d', dt, hour(event_time)), count(*) FROM " + facts + " GROUP BY 1")) {
            perHour.put((String) row.get(0), (Long) row.get(1));
        }
        assertThat(perHour).as("requests per UTC day and hour").isEqualTo(log.validPerHour());
        // Each valid line has its number in its path, /i/0 to /i/<valid - 1>: as many distinct numbers as rows, the
        // smallest 0 and the largest valid - 1 is every number once.
        assertThat(lake.rows("SELECT count(*), count(DISTINCT path), min(CAST(substr(path, 4) AS bigint)),"
                                + " max(CAST(substr(path, 4) AS bigint)) FROM " + facts)
                        .get(0))
                .as("requests, distinct lines, first and last line number")
                .containsExactly(log.valid(), log.valid(), 0L, log.valid() - 1);
        assertThat(lake.rows("SELECT reason, count(*) FROM " + lake.table("staging", "quarantine") + " GROUP BY 1"))
                .as("lines the transform quarantined: the common lines in the combined log")
                .containsExactly(List.of("not a combined log line", (long) log.notCombined()));
    }

    /**
     * The log the test writes: {@link #LINES_PER_HOUR} lines in each hour of {@link #DAYS} days (UTC), written in
     * three time zones, with a line without a time every 997 lines and a common-format line (valid time, not the
     * combined shape) every 1,009; and what the lake must hold of it.
     */
    private record AccessLog(
            Path file,
            List<String> lines,
            long valid,
            Map<String, Long> validPerHour,
            List<String> withoutTime,
            int notCombined) {
        static AccessLog of(Path file) {
            List<String> lines = new ArrayList<>();
            Map<String, Long> validPerHour = new TreeMap<>();
            List<String> withoutTime = new ArrayList<>();
            int notCombined = 0;
            long valid = 0;
            Instant start = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (long i = 0; i < (long) HOURS * LINES_PER_HOUR; i++) {
                Instant time = start.plusSeconds(i * 3600 / LINES_PER_HOUR);
                String zone = ZONES[(int) (i % ZONES.length)];
                String logged = "[" + LOG_TIME.format(time.atOffset(ZoneOffset.of(zone))) + " " + zone + "]";
                if (i % 997 == 500) {
                    withoutTime.add("no time on line " + i);
                    lines.add("no time on line " + i);
                } else if (i % 1009 == 700) {
                    lines.add("192.0.2.1 - - " + logged + " \"GET /common/" + i + " HTTP/1.0\" 200 5");
                    notCombined++;
                } else {
                    lines.add("198.51.100." + (i % 250 + 1) + " - - " + logged + " \"GET /i/" + valid
                            + " HTTP/1.1\" 200 " + (i % 5000) + " \"-\" \"Mozilla/5.0 (ingest test)\"");
                    validPerHour.merge(hour(time), 1L, Long::sum);
                    valid++;
                }
            }
            return new AccessLog(file, List.copyOf(lines), valid, validPerHour, withoutTime, notCombined);
        }

        /** Appends the lines {@code from} (inclusive) to {@code to} (exclusive) to the file. */
        void write(int from, int to) {
            try (BufferedWriter out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line : lines.subList(from, to)) {
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String hour(Instant time) {
            return String.format(
                    Locale.ROOT,
                    "%s %02d",
                    time.atOffset(ZoneOffset.UTC).toLocalDate(),
                    time.atOffset(ZoneOffset.UTC).getHour());
        }
    }
}
