package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.RawLayout;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two transforms of one lake started at the same moment (a schedule and a person, two CronJob pods): the writer
 * lease lets one write at a time, the other waits or fails naming the holder, and the lake ends exact. Readers of
 * the reference list the facts join see it whole while a run rebuilds it.
 */
@ExtendWith(LocalStackExtension.class)
class TestSingleWriter {
    private static final LocalDate START = LocalDate.of(2035, 3, 1);
    private static final DayRange DAYS = new DayRange(START, START.plusDays(1));

    @Test
    void twoTransformsStartedAtOnceWriteOneAfterTheOtherAndTheLakeIsExact(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "two_writers", Map.of(LeaseConfig.WAIT_SECONDS, "1800"));
        Manifest manifest = lake.generate(START, 2, 3_000, 0.01, 0.003);

        List<CompletableFuture<TransformSummary>> runs = startTogether(lake, 2);
        List<TransformSummary> summaries = new ArrayList<>();
        for (CompletableFuture<TransformSummary> run : runs) {
            summaries.add(run.get(30, TimeUnit.MINUTES));
        }

        // Each run wrote both days, and the ledger's jobs of one run all ended before the other's first began.
        List<List<Object>> spans = lake.rows("SELECT run_id, min(started_at), max(ended_at) FROM "
                + lake.table("ledger", "job_runs") + " WHERE run_id IN ('"
                + summaries.get(0).runId() + "', '"
                + summaries.get(1).runId() + "') GROUP BY run_id ORDER BY 2");
        assertThat(spans).hasSize(2);
        Timestamp firstEnded = (Timestamp) spans.get(0).get(2);
        Timestamp secondStarted = (Timestamp) spans.get(1).get(1);
        assertThat(firstEnded).as("end of run " + spans.get(0).get(0)).isBeforeOrEqualTo(secondStarted);
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    @Test
    void aTransformThatMayNotWaitFailsNamingTheHolderAndTheLakeIsExact(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "no_wait", Map.of(LeaseConfig.WAIT_SECONDS, "0"));
        Manifest manifest = lake.generate(START, 2, 3_000, 0.01, 0.003);

        List<CompletableFuture<TransformSummary>> runs = startTogether(lake, 2);
        List<TransformSummary> succeeded = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();
        for (CompletableFuture<TransformSummary> run : runs) {
            try {
                succeeded.add(run.get(30, TimeUnit.MINUTES));
            } catch (java.util.concurrent.ExecutionException e) {
                failed.add(e.getCause());
            }
        }

        assertThat(succeeded).hasSize(1);
        assertThat(failed).singleElement().satisfies(failure -> assertThat(failure)
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Another transform is writing this lake")
                .hasMessageContaining("held by run " + succeeded.get(0).runId() + " on host ")
                .hasMessageContaining(" since ")
                .hasMessageContaining("lease.wait-seconds")
                .satisfies(e -> assertThat(((LoglakeException) e).kind()).isEqualTo(LoglakeException.Kind.EXTERNAL)));
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /**
     * The reference list is rebuilt when its objects change, not on every run; while a run rebuilds it, a reader
     * sees the old list or the new one, whole.
     */
    @Test
    void readersSeeTheWholeReferenceListWhileARunRebuildsIt(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "reference_readers");
        Manifest manifest = lake.generate(START, 1, 1_000, 0.0, 0.0);
        lake.transform(TransformRequest.days(new DayRange(START, START)));
        String reference = lake.table("staging", "ip_block_buckets");
        long buckets = lake.single("SELECT count(*) FROM " + reference);
        assertThat(buckets).isPositive();
        List<List<Object>> built = referenceTables(lake);
        assertThat(built).as("the reference list's tables after the first run").hasSize(1);

        lake.transform(TransformRequest.days(new DayRange(START, START)));
        assertThat(referenceTables(lake))
                .as("after a run with the same objects: not rebuilt")
                .isEqualTo(built);

        // A new object in the list's folder (a line that names no network, which the list leaves out): rebuilt.
        try (S3Client s3 = stack.newS3Client()) {
            s3.putObject(
                    request -> request.bucket(lake.lake().rawBucket()).key(RawLayout.IP_BLOCKS_PREFIX + "notes.csv"),
                    RequestBody.fromString("not-a-network,ZZ\n"));
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CompletableFuture<TransformSummary> reload = CompletableFuture.supplyAsync(
                () -> lake.transform(TransformRequest.days(new DayRange(START, START))), thread);
        thread.shutdown();
        List<Object> seen = new ArrayList<>();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            // Until the reload has ended, whatever the reader sees must be the whole list.
            while (!reload.isDone()) {
                seen.add(countOrError(statement, reference));
            }
            seen.add(countOrError(statement, reference));
        }
        reload.join();

        assertThat(seen).hasSizeGreaterThan(1).containsOnly(buckets);
        assertThat(referenceTables(lake))
                .as("after a run with a new object: rebuilt")
                .hasSize(2)
                .containsAll(built);
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /** The tables behind the reference list's view, one per build. */
    private static List<List<Object>> referenceTables(TransformFixture lake) throws SQLException {
        return lake.rows("SELECT table_name FROM hive.information_schema.tables WHERE table_schema = '"
                + lake.lake().schema("staging") + "' AND table_name LIKE 'ip\\_block\\_buckets\\_%' ESCAPE '\\'"
                + " ORDER BY 1");
    }

    private static Object countOrError(Statement statement, String table) {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Starts {@code count} transforms of the same days, released at the same instant by a barrier, each on a
     * thread of its own (the common pool has a single thread on a 2-core machine: the barrier would never open).
     */
    private static List<CompletableFuture<TransformSummary>> startTogether(TransformFixture lake, int count) {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        List<CompletableFuture<TransformSummary>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                        return lake.transform(TransformRequest.days(DAYS));
                    },
                    threads));
        }
        threads.shutdown(); // the submitted runs go on; the threads end with them
        return runs;
    }
}
