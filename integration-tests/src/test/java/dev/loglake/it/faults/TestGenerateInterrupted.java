package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.LoglakeCli;
import dev.loglake.testing.TestStack;
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
 * Ctrl-C during {@code loglake generate} (issue 3), with the real command line in its own process: it stops
 * promptly with exit code 1 naming the incomplete hours, leaves no partial object and no hour marked complete
 * that is not, and a rerun of the same command writes exactly the objects of an uninterrupted run.
 */
@ExtendWith(LocalStackExtension.class)
class TestGenerateInterrupted {
    private static final String[] ARGUMENTS = {
        "--start", "2035-03-01", "--days", "2", "--events-per-day", "100000", "--seed", "7", "--threads", "1"
    };
    private static final int HOURS = 48;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final Pattern INCOMPLETE = Pattern.compile("(\\d+) of " + HOURS + " hours are incomplete");

    @TempDir
    Path work;

    @Test
    void ctrlCStopsCleanlyAndTheRerunWritesWhatAnUninterruptedRunWrites(TestStack stack) throws Exception {
        String reference = "it-interrupt-reference";
        String target = "it-interrupt-raw";
        try (S3Client s3 = stack.newS3Client()) {
            RawBucket.create(s3, reference);
            RawBucket.create(s3, target);
            LoglakeCli referenceCli = cli(stack, reference, "reference");
            assertThat(referenceCli.start("reference", "generate", ARGUMENTS).awaitExit(RUN_LIMIT))
                    .isZero();
            Map<String, String> expected = RawBucket.objects(s3, reference, "");

            LoglakeCli cli = cli(stack, target, "interrupted");
            LoglakeCli.Run interrupted = cli.start("interrupted", "generate", ARGUMENTS);
            RawBucket.awaitMarkedHours(s3, target, 3, interrupted);
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
            assertNothingPartial(s3, target, expected);

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

    /** No upload left open, and every visible data object is whole: the same as the uninterrupted run's. */
    private static void assertNothingPartial(S3Client s3, String bucket, Map<String, String> expected) {
        assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .as("multipart uploads left open")
                .isEmpty();
        Map<String, String> data = RawBucket.objects(s3, bucket, "access/");
        assertThat(data).isNotEmpty();
        data.forEach((key, object) -> assertThat(object).as(key).isEqualTo(expected.get(key)));
        for (String marker : RawBucket.objects(s3, bucket, RawBucket.MARKERS).keySet()) {
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

    private LoglakeCli cli(TestStack stack, String bucket, String name) throws java.io.IOException {
        return new LoglakeCli(
                stack, Map.of(LakeConfig.RAW_BUCKET, bucket), Files.createDirectories(work.resolve(name)));
    }
}
