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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code loglake generate} stopped in the middle of a multipart upload (issues 3 and 13), with the real command line
 * in its own process. Ctrl-C: it stops promptly with exit code 1 naming the incomplete hours, aborts the upload and
 * leaves no partial object and no hour marked complete that is not. Then the rerun is killed (SIGKILL): nothing can
 * clean up, so its upload stays open. The next rerun aborts it, names it, leaves no upload open and writes exactly
 * the objects of an uninterrupted run.
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

    @TempDir
    Path work;

    /**
     * One story rather than two tests, so that the class costs one reference run and one full rerun: every run
     * uploads about 200 MB to the S3 server, on the same cores as the test.
     */
    @Test
    void ctrlCThenSigkillInTheMiddleOfMultipartUploadsThenARerunWritesWhatAnUninterruptedRunWrites(TestStack stack)
            throws Exception {
        Map<String, String> expected = writeWhatAnUninterruptedRunWrites(stack);
        String target = "it-interrupt-raw";
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, target);
            LoglakeCli cli = cli(stack, target, work.resolve("interrupted"));
            int markedAfterCtrlC = ctrlCDuringAMultipartUpload(cli, s3, target, expected);
            RawBucket.Upload leftOpen = sigkillDuringAMultipartUpload(cli, s3, target, markedAfterCtrlC);
            int marked = RawBucket.markedHours(s3, target);

            LoglakeCli.Run rerun = cli.start("rerun", "generate", ARGUMENTS);
            assertThat(rerun.awaitExit(RUN_LIMIT))
                    .as("rerun; stderr: %s", rerun.stderr())
                    .isZero();
            assertThat(rerun.stdout()).contains("(" + marked + " already complete, skipped)");
            assertThat(rerun.stderr())
                    .as("the rerun says what it aborted")
                    .contains("Aborted 1 multipart upload an earlier run left open")
                    .contains(leftOpen.key());
            assertThat(RawBucket.openUploads(s3, target))
                    .as("multipart uploads left open after the rerun")
                    .isEmpty();
            assertThat(RawBucket.objects(s3, target, ""))
                    .as("every object, manifest and markers included, byte for byte (ETag and size)")
                    .isEqualTo(expected);
        }
    }

    /** Every object an uninterrupted run writes, by key: "etag size". */
    private Map<String, String> writeWhatAnUninterruptedRunWrites(TestStack stack) throws IOException {
        Map<String, String> expected;
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, REFERENCE);
            LoglakeCli.Run reference =
                    cli(stack, REFERENCE, work.resolve("reference")).start("reference", "generate", ARGUMENTS);
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
        return expected;
    }

    /**
     * Ctrl-C once an upload has a part stored: exit 1 within seconds naming the incomplete hours, the upload aborted,
     * nothing partial visible. Returns the hours marked complete.
     */
    private static int ctrlCDuringAMultipartUpload(
            LoglakeCli cli, S3Client s3, String bucket, Map<String, String> expected) {
        LoglakeCli.Run interrupted = cli.start("interrupted", "generate", ARGUMENTS);
        RawBucket.awaitMarkedHours(s3, bucket, 1, interrupted);
        RawBucket.awaitUploadWithOnePart(s3, bucket, interrupted);
        long signalled = System.nanoTime();
        interrupted.interrupt();
        int exitCode = interrupted.awaitExit(RUN_LIMIT);
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

        assertThat(exitCode).as("exit code; stderr: %s", interrupted.stderr()).isEqualTo(1);
        assertThat(stopping).as("time from Ctrl-C to exit").isLessThan(Duration.ofSeconds(20));
        assertThat(interrupted.stderr())
                .contains("hours are incomplete (cancelled)")
                .contains("Rerun the same command to complete them");
        int marked = RawBucket.markedHours(s3, bucket);
        assertThat(incompleteHours(interrupted.stderr()))
                .as("incomplete hours named, beside %d marked complete", marked)
                .isEqualTo(HOURS - marked)
                .isPositive();
        assertNothingPartial(s3, bucket, expected);
        return marked;
    }

    /**
     * SIGKILL of the rerun, once it marked another hour and an upload has a part stored: nothing can abort that
     * upload, so it stays open, and its object does not exist. Returns it.
     */
    private static RawBucket.Upload sigkillDuringAMultipartUpload(
            LoglakeCli cli, S3Client s3, String bucket, int markedBefore) {
        LoglakeCli.Run killed = cli.start("killed", "generate", ARGUMENTS);
        RawBucket.awaitMarkedHours(s3, bucket, markedBefore + 1, killed);
        RawBucket.Upload inProgress = RawBucket.awaitUploadWithOnePart(s3, bucket, killed);
        killed.kill();

        assertThat(RawBucket.openUploads(s3, bucket))
                .as("multipart uploads the killed run left open")
                .containsExactly(inProgress);
        assertThat(RawBucket.objects(s3, bucket, "")).doesNotContainKey(inProgress.key());
        return inProgress;
    }

    /** No upload left open, and every visible data object is whole: the same as the uninterrupted run's. */
    private static void assertNothingPartial(S3Client s3, String bucket, Map<String, String> expected) {
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
