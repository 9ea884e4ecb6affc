package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.GenerateConfig;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.LoglakeCli;
import dev.loglake.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code loglake generate} stopped in the middle of a multipart upload (issues 3 and 13), with the real command line
 * in its own process. Ctrl-C: it stops promptly with exit code 1 naming the incomplete hours, aborts the upload and
 * leaves no partial object and no hour marked complete that is not. SIGKILL: nothing can clean up, so the upload
 * stays open; the rerun aborts it. Either way a rerun of the same command writes exactly the objects of an
 * uninterrupted run and leaves no upload open.
 */
@ExtendWith(LocalStackExtension.class)
class TestGenerateInterrupted {
    /**
     * One day of uncompressed lines, about 260 bytes each: an hour's object is 5.5 to 11.5 MiB (measured), two or
     * three parts of the smallest part S3 takes (5 MiB), so every object goes up as a multipart upload. gzip shrinks
     * these lines about tenfold (an hour of 100,000 events a day is 0.1 MiB): one part would take five million
     * events a day, several times the time of this test.
     */
    private static final String[] ARGUMENTS = {
        "--start",
        "2035-03-01",
        "--days",
        "1",
        "--events-per-day",
        "800000",
        "--compression",
        "none",
        "--seed",
        "7",
        "--threads",
        "1"
    };

    private static final String PART_SIZE_MIB = "5";
    private static final int HOURS = 24;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final Pattern INCOMPLETE = Pattern.compile("(\\d+) of \\d+ hours are incomplete");
    private static final String REFERENCE = "it-interrupt-reference";

    /** Every object an uninterrupted run writes, by key: "etag size". */
    private static Map<String, String> expected;

    @TempDir
    Path work;

    @BeforeAll
    static void writeWhatAnUninterruptedRunWrites(TestStack stack, @TempDir Path referenceWork) throws IOException {
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, REFERENCE);
            LoglakeCli.Run reference = cli(stack, REFERENCE, referenceWork).start("reference", "generate", ARGUMENTS);
            assertThat(reference.awaitExit(RUN_LIMIT))
                    .as("reference run; stderr: %s", reference.stderr())
                    .isZero();
            expected = RawBucket.objects(s3, REFERENCE, "");
        }
        // A multipart object's ETag is the digest of its parts' digests followed by "-" and the number of parts.
        assertThat(expected.entrySet())
                .filteredOn(object -> object.getKey().startsWith("access/"))
                .as("ETags of the data objects: each went up in parts")
                .hasSize(HOURS)
                .allSatisfy(object -> assertThat(object.getValue()).containsPattern("^\"?[0-9a-f]{32}-[23]\"? "));
    }

    @Test
    void ctrlCDuringAMultipartUploadStopsCleanlyAndTheRerunWritesWhatAnUninterruptedRunWrites(TestStack stack)
            throws Exception {
        String target = "it-interrupt-raw";
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, target);
            LoglakeCli cli = cli(stack, target, work);
            LoglakeCli.Run interrupted = cli.start("interrupted", "generate", ARGUMENTS);
            RawBucket.awaitMarkedHours(s3, target, 1, interrupted);
            RawBucket.awaitUploadWithOnePart(s3, target, interrupted);
            long signalled = System.nanoTime();
            interrupted.interrupt();
            int exitCode = interrupted.awaitExit(RUN_LIMIT);
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exitCode)
                    .as("exit code; stderr: %s", interrupted.stderr())
                    .isEqualTo(1);
            assertThat(stopping).as("time from Ctrl-C to exit").isLessThan(Duration.ofSeconds(20));
            assertThat(interrupted.stderr())
                    .contains("hours are incomplete (cancelled)")
                    .contains("Rerun the same command to complete them");
            int marked = RawBucket.markedHours(s3, target);
            assertThat(incompleteHours(interrupted.stderr()))
                    .as("incomplete hours named, beside %d marked complete", marked)
                    .isEqualTo(HOURS - marked)
                    .isPositive();
            assertNothingPartial(s3, target);

            LoglakeCli.Run rerun = cli.start("rerun", "generate", ARGUMENTS);
            assertThat(rerun.awaitExit(RUN_LIMIT))
                    .as("rerun; stderr: %s", rerun.stderr())
                    .isZero();
            assertThat(rerun.stdout()).contains("(" + marked + " already complete, skipped)");
            assertThat(RawBucket.objects(s3, target, ""))
                    .as("every object, manifest and markers included, byte for byte (ETag and size)")
                    .isEqualTo(expected);
        }
    }

    @Test
    void sigkillDuringAMultipartUploadLeavesItOpenAndTheRerunAbortsItAndWritesWhatAnUninterruptedRunWrites(
            TestStack stack) throws Exception {
        String target = "it-kill-raw";
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, target);
            LoglakeCli cli = cli(stack, target, work);
            LoglakeCli.Run killed = cli.start("killed", "generate", ARGUMENTS);
            RawBucket.awaitMarkedHours(s3, target, 1, killed);
            RawBucket.Upload inProgress = RawBucket.awaitUploadWithOnePart(s3, target, killed);
            killed.kill();

            assertThat(RawBucket.openUploads(s3, target))
                    .as("multipart uploads the killed run left open")
                    .containsExactly(inProgress);
            assertThat(RawBucket.objects(s3, target, "")).doesNotContainKey(inProgress.key());
            int marked = RawBucket.markedHours(s3, target);

            LoglakeCli.Run rerun = cli.start("rerun", "generate", ARGUMENTS);
            assertThat(rerun.awaitExit(RUN_LIMIT))
                    .as("rerun; stderr: %s", rerun.stderr())
                    .isZero();
            assertThat(rerun.stdout()).contains("(" + marked + " already complete, skipped)");
            assertThat(rerun.stderr())
                    .as("the rerun says what it aborted")
                    .contains("Aborted 1 multipart upload an earlier run left open")
                    .contains(inProgress.key());
            assertThat(RawBucket.openUploads(s3, target))
                    .as("multipart uploads left open after the rerun")
                    .isEmpty();
            assertThat(RawBucket.objects(s3, target, ""))
                    .as("every object, manifest and markers included, byte for byte (ETag and size)")
                    .isEqualTo(expected);
        }
    }

    /** No upload left open, and every visible data object is whole: the same as the uninterrupted run's. */
    private static void assertNothingPartial(S3Client s3, String bucket) {
        assertThat(RawBucket.openUploads(s3, bucket))
                .as("multipart uploads left open")
                .isEmpty();
        Map<String, String> data = RawBucket.objects(s3, bucket, "access/");
        assertThat(data).isNotEmpty();
        data.forEach((key, object) -> assertThat(object).as(key).isEqualTo(expected.get(key)));
        for (String marker : RawBucket.markers(s3, bucket)) {
            assertThat(data)
                    .as("objects of the hour marked by " + marker)
                    .containsKeys(RawBucket.keysOfMarker(s3, bucket, marker).toArray(String[]::new));
        }
        assertThat(RawBucket.objects(s3, bucket, "manifests/"))
                .as("manifest of an incomplete run")
                .isEmpty();
    }

    static int incompleteHours(String stderr) {
        Matcher matcher = INCOMPLETE.matcher(stderr);
        assertThat(matcher.find())
                .as("count of incomplete hours in: %s", stderr)
                .isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The command line on {@code bucket}, uploading in parts of 5 MiB. */
    private static LoglakeCli cli(TestStack stack, String bucket, Path work) throws IOException {
        return new LoglakeCli(
                stack,
                Map.of(LakeConfig.RAW_BUCKET, bucket, GenerateConfig.PART_SIZE_MIB, PART_SIZE_MIB),
                Files.createDirectories(work));
    }
}
