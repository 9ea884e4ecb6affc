package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.SmallDiskS3Server;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local stack's disk fills up during a transform (issue 7): the S3 server runs on a small tmpfs (see
 * {@link SmallDiskS3Server}; skipped where mount namespaces are not allowed). The transform fails with an
 * error that names the job, no table of a lake that already holds a day is left unreadable, no day is marked
 * complete that was not, and once space is freed a plain rerun loads a lake equal to the manifest.
 */
@ExtendWith(LocalStackExtension.class)
class TestTransformOnAFullDisk {
    private static final LocalDate START = LocalDate.of(2035, 11, 1);
    /** Room for the schemas' folder markers and the ledger, not for a day of Parquet. */
    private static final long ALMOST_FULL = 48 * 1024;

    private static final long FREED = 512L * 1024 * 1024;
    private static final List<String> TABLES =
            List.of("staging.parsed_lines", "staging.quarantine", "marts.fact_requests");

    @Test
    void aFullDiskFailsTheTransformCleanlyAndTheRerunAfterFreeingSpaceIsExact(TestStack stack) throws Exception {
        Optional<String> unsupported = SmallDiskS3Server.unsupportedReason();
        Assumptions.assumeTrue(unsupported.isEmpty(), () -> "Skipped: no size-limited disk here: " + unsupported.get());
        TransformFixture lake = new TransformFixture(stack, "fulldisk");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);
        // The first day is loaded before the disk fills: the failing run then rewrites tables and days that
        // hold data, which is what a full disk can break (a lake that starts empty has nothing to lose).
        lake.transform(TransformRequest.days(new DayRange(START, START)));
        long firstDayBefore = firstDayRequests(lake);
        List<List<Object>> completeBefore = completeDays(lake);

        long firstDayDuringFailure;
        try (SmallDiskS3Server disk = SmallDiskS3Server.start(stack, ALMOST_FULL)) {
            assertThatThrownBy(() -> lake.transform(TransformRequest.pending()))
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining(".sql failed for");
            for (String table : TABLES) {
                String[] name = table.split("\\.");
                // Whatever is visible must read: a half-written Parquet object would fail this.
                assertThat(lake.single("SELECT count(*) FROM " + lake.table(name[0], name[1])))
                        .as("rows of " + table + " after the failed run")
                        .isPositive();
            }
            firstDayDuringFailure = firstDayRequests(lake);
            assertThat(completeDays(lake))
                    .as("days marked complete on a full disk, beyond those complete before it")
                    .isSubsetOf(completeBefore);

            disk.resize(FREED);
            assertThat(lake.transform(TransformRequest.pending()).arrivalDays()).contains(START.plusDays(1));
            ManifestChecks.assertLakeMatches(lake, manifest);
        }
        // The first day's requests read either as they were or as the rerun rewrote them (its late requests
        // arrive with the second day): never a partial or broken partition.
        assertThat(firstDayDuringFailure).isIn(firstDayBefore, firstDayRequests(lake));
    }

    private static long firstDayRequests(TransformFixture lake) throws Exception {
        return lake.single(
                "SELECT count(*) FROM " + lake.table("marts", "fact_requests") + " WHERE dt = DATE '" + START + "'");
    }

    private static List<List<Object>> completeDays(TransformFixture lake) throws Exception {
        return lake.rows("SELECT dt FROM (SELECT dt, max_by(status, updated_at) AS status FROM "
                + lake.table("ledger", "day_status") + " GROUP BY dt) WHERE status = 'complete'");
    }
}
