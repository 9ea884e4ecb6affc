package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.RunningWork;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.stack.component.MetastoreComponent;
import dev.loglake.stack.component.PostgresComponent;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The metastore restarted between two transform jobs, then PostgreSQL restarted while the metastore is idle
 * (issue 7): each next transform reconnects on its own (no restart of Trino or of the metastore) and the
 * lake built by the three runs equals the manifest. And the metastore killed in the middle of a transform: a
 * plain rerun after its restart repairs the lake, removing the files the killed run left in partitions the
 * metastore never registered.
 */
@ExtendWith(LocalStackExtension.class)
class TestTransformAfterMetastoreRestarts {
    private static final LocalDate START = LocalDate.of(2035, 9, 1);

    @Test
    void transformsAfterRestartsOfTheMetastoreAndItsDatabaseLoadExactly(TestStack stack) {
        TransformFixture lake = new TransformFixture(stack, "restarts");
        Manifest manifest = lake.generate(START, 3, 10_000, 0.01, 0.003);

        assertThat(lake.transform(day(0)).arrivalDays()).containsExactly(START);

        stack.stop(MetastoreComponent.NAME);
        stack.restartStopped();
        assertThat(lake.transform(day(1)).arrivalDays()).containsExactly(START.plusDays(1));

        stack.stop(PostgresComponent.NAME);
        stack.restartStopped();
        assertThat(lake.transform(TransformRequest.pending()).arrivalDays()).containsExactly(START.plusDays(2));

        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /**
     * The metastore killed (SIGKILL) while a transform writes the marts: between a statement's files and their
     * partitions' registration, or between two statements. The run fails (it cannot commit without the
     * metastore), and once the metastore is back a plain rerun ends with the lake equal to the manifest.
     */
    @Test
    void aMetastoreKilledDuringATransformIsRepairedByAPlainRerun(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "metastore_kill");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);
        // With the marts' tables there, the kill hits an INSERT, which writes its files before it commits (and
        // cannot clean them up without the metastore), rather than the CREATE TABLE of a lake's first load.
        lake.transform(day(0));

        CompletableFuture<TransformSummary> interrupted =
                CompletableFuture.supplyAsync(() -> lake.transform(TransformRequest.pending()));
        RunningWork.awaitStatement(stack, "INSERT INTO hive." + lake.lake().schema("marts") + ".", interrupted);
        RunningWork.kill(stack, MetastoreComponent.NAME);
        // Trino's metastore client retries for a while before it gives up on a commit.
        assertThat(RunningWork.failureWithin(interrupted, Duration.ofMinutes(3)))
                .isInstanceOf(LoglakeException.class);

        stack.restartStopped();
        lake.transform(TransformRequest.pending());

        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /**
     * What a write cut off between its files and its commit leaves, made on purpose: the files of a loaded day's
     * facts in place, their partition unknown to the metastore. The next load writes that day again (the late
     * lines of the day after): it first removes those files, keeps the same day's registered partitions of the
     * other tables, and the lake equals the manifest.
     */
    @Test
    void filesOfAPartitionTheMetastoreDoesNotKnowAreRemovedBeforeItIsWritten(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "orphan_files");
        Manifest manifest = lake.generate(START, 2, 5_000, 0.01, 0.003);
        lake.transform(day(0));
        List<String> orphans = files(stack, lake, "marts", "fact_requests", START);
        assertThat(orphans).as("the first day's fact files").isNotEmpty();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            // The metastore forgets the partition; its files stay.
            statement.execute("CALL hive.system.unregister_partition('"
                    + lake.lake().schema("marts") + "', 'fact_requests', ARRAY['dt'], ARRAY['" + START + "'])");
        }

        lake.transform(day(1));

        assertThat(files(stack, lake, "marts", "fact_requests", START))
                .as("the first day's fact files after the load of the second day")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(orphans);
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /** The data files in a partition's folder in the warehouse bucket (not the local server's folder keys). */
    private static List<String> files(
            TestStack stack, TransformFixture lake, String layer, String table, LocalDate day) {
        try (S3Client s3 = stack.newS3Client()) {
            return s3
                    .listObjectsV2Paginator(
                            request -> request.bucket(lake.lake().warehouseBucket())
                                    .prefix(lake.lake().schema(layer) + "/" + table + "/dt=" + day + "/"))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .filter(key -> !key.endsWith("/"))
                    .toList();
        }
    }

    private static TransformRequest day(int offset) {
        LocalDate day = START.plusDays(offset);
        return TransformRequest.days(new DayRange(day, day));
    }
}
