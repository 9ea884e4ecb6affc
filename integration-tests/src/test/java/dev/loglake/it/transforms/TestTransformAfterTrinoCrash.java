package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trino dies (SIGKILL) in the middle of a transform: the run fails promptly saying so, and after a restart a
 * plain rerun finishes the job with the lake equal to the manifest: nothing duplicated, nothing lost, whether the
 * lake was empty or its days were complete and being reloaded.
 */
@ExtendWith(LocalStackExtension.class)
class TestTransformAfterTrinoCrash {
    private static final LocalDate START = LocalDate.of(2034, 2, 1);

    @Test
    void aRerunAfterACrashCompletesTheLoadExactly(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "crash");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);

        CompletableFuture<TransformSummary> interrupted =
                CompletableFuture.supplyAsync(() -> lake.transform(TransformRequest.pending()));
        RunningWork.awaitStatement(stack, lake.lake().schema("staging") + ".parsed_lines", interrupted);
        RunningWork.kill(stack, "Trino");

        Throwable failure = RunningWork.failureWithin(interrupted, Duration.ofMinutes(1));
        assertThat(failure)
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stopped answering")
                .hasMessageContaining("parsed_lines.sql");

        stack.stack().up();
        TransformSummary rerun = lake.transform(TransformRequest.pending());

        assertThat(rerun.arrivalDays()).containsExactly(START, START.plusDays(1));
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /**
     * The crash hits a reload of days that were already complete (a backfill, a fixed parser): the complete
     * days' partitions are being overwritten when Trino dies. A plain rerun (no days named) must see that the
     * reload did not finish and end with the lake equal to the manifest, as if the reload had never been cut.
     */
    @Test
    void aCrashWhileCompleteDaysAreReloadedIsRepairedByAPlainRerun(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "crash_reload");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);
        lake.transform(TransformRequest.pending());
        ManifestChecks.assertLakeMatches(lake, manifest);

        TransformRequest reload = TransformRequest.days(new DayRange(START, START.plusDays(1)));
        CompletableFuture<TransformSummary> interrupted = CompletableFuture.supplyAsync(() -> lake.transform(reload));
        // Any statement on the marts: the reload is then overwriting complete days (the marts are many and short).
        RunningWork.awaitStatement(stack, lake.lake().schema("marts") + ".", interrupted);
        RunningWork.kill(stack, "Trino");
        assertThat(RunningWork.failureWithin(interrupted, Duration.ofMinutes(1)))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stopped answering");

        stack.stack().up();
        lake.transform(TransformRequest.pending());

        ManifestChecks.assertLakeMatches(lake, manifest);
    }
}
