package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.stack.ComponentStatus;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
        awaitRunningWrite(stack, lake.lake().schema("staging") + ".parsed_lines", interrupted);
        ProcessHandle trino = trino(stack);
        trino.destroyForcibly();
        trino.onExit().join();

        Throwable failure = failureOf(interrupted);
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
        awaitRunningWrite(stack, lake.lake().schema("marts") + ".", interrupted);
        ProcessHandle trino = trino(stack);
        trino.destroyForcibly();
        trino.onExit().join();
        assertThat(failureOf(interrupted))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stopped answering");

        stack.stack().up();
        lake.transform(TransformRequest.pending());

        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    private static ProcessHandle trino(TestStack stack) {
        ComponentStatus trino = stack.stack().status().stream()
                .filter(status -> status.name().equals("Trino"))
                .findFirst()
                .orElseThrow();
        return ProcessHandle.of(trino.pid().getAsLong()).orElseThrow();
    }

    /** Polls Trino's own query list until a statement writing {@code table} runs (or the run has ended). */
    private static void awaitRunningWrite(TestStack stack, String table, CompletableFuture<?> run) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            while (System.nanoTime() < deadline && !run.isDone()) {
                try (ResultSet running = statement.executeQuery("SELECT count(*) FROM system.runtime.queries"
                        + " WHERE state = 'RUNNING' AND query LIKE '%" + table + "%'"
                        + " AND query NOT LIKE '%system.runtime%'")) {
                    running.next();
                    if (running.getLong(1) > 0) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("No running write to " + table + " was seen; the run "
                + (run.isDone() ? "ended first" : "never got there"));
    }

    /** The run's failure; it must come within a minute of the crash, not after the driver's long retries. */
    private static Throwable failureOf(CompletableFuture<?> run) throws InterruptedException {
        try {
            run.get(1, TimeUnit.MINUTES);
            throw new AssertionError("The transform succeeded although Trino was killed during it");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The transform did not fail within a minute of Trino's crash", e);
        }
    }
}
