package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.TransformFixture;
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
 * error that names the job, no table is left unreadable, no day is marked complete, and once space is freed a
 * plain rerun loads a lake equal to the manifest.
 */
@ExtendWith(LocalStackExtension.class)
class TestTransformOnAFullDisk {
    private static final LocalDate START = LocalDate.of(2035, 11, 1);
    /** Room for the schemas' folder markers and the ledger, not for a day of Parquet. */
    private static final long ALMOST_FULL = 48 * 1024;

    private static final long FREED = 512L * 1024 * 1024;

    @Test
    void aFullDiskFailsTheTransformCleanlyAndTheRerunAfterFreeingSpaceIsExact(TestStack stack) throws Exception {
        Optional<String> unsupported = SmallDiskS3Server.unsupportedReason();
        Assumptions.assumeTrue(unsupported.isEmpty(), () -> "Skipped: no size-limited disk here: " + unsupported.get());
        TransformFixture lake = new TransformFixture(stack, "fulldisk");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);

        try (SmallDiskS3Server disk = SmallDiskS3Server.start(stack, ALMOST_FULL)) {
            assertThatThrownBy(() -> lake.transform(TransformRequest.pending()))
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining(".sql failed for");
            for (String table : List.of("staging.parsed_lines", "staging.quarantine", "marts.fact_requests")) {
                String[] name = table.split("\\.");
                if (exists(lake, name[0], name[1])) {
                    // Whatever is visible must read: a half-written Parquet object would fail this.
                    lake.single("SELECT count(*) FROM " + lake.table(name[0], name[1]));
                }
            }
            assertThat(
                            !exists(lake, "ledger", "day_status")
                                    ? List.<List<Object>>of()
                                    : lake.rows("SELECT dt FROM (SELECT dt, max_by(status, updated_at) AS status FROM "
                                            + lake.table("ledger", "day_status")
                                            + " GROUP BY dt) WHERE status = 'complete'"))
                    .as("days marked complete on a full disk")
                    .isEmpty();

            disk.resize(FREED);
            assertThat(lake.transform(TransformRequest.pending()).arrivalDays())
                    .containsExactly(START, START.plusDays(1));
            ManifestChecks.assertLakeMatches(lake, manifest);
        }
    }

    private static boolean exists(TransformFixture lake, String schema, String table) throws Exception {
        return lake.single("SELECT count(*) FROM hive.information_schema.tables WHERE table_schema = '"
                        + lake.lake().schema(schema) + "' AND table_name = '" + table + "'")
                > 0;
    }
}
