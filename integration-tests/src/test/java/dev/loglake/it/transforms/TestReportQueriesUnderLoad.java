package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.bench.ReportLoad;
import dev.loglake.bench.ReportQueries;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Eight JDBC clients run report queries on the marts in a loop while a transform loads a new day into the same
 * lake: no query fails, and the loaded lake still equals the generator's manifest exactly. The queries' latency
 * under that load is printed (a figure, not an assertion: speed belongs to the benchmark).
 */
@ExtendWith(LocalStackExtension.class)
class TestReportQueriesUnderLoad {
    private static final LocalDate START = LocalDate.of(2035, 3, 1);
    private static final int CLIENTS = 8;

    @Test
    void reportQueriesNeverFailWhileADayIsLoaded(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "load");
        Manifest manifest = lake.generate(START, 3, 15_000, 0.01, 0.003);
        lake.transform(TransformRequest.days(new DayRange(START, START.plusDays(1))));
        LocalDate newDay = START.plusDays(2);

        ReportLoad load = new ReportLoad(
                new TrinoConnections(stack.trinoConfig()),
                ReportQueries.completeDays("hive." + lake.lake().schema("ledger")),
                ReportQueries.forWeek(LakeSchemas.of("hive", lake.lake()), newDay),
                CLIENTS);
        ReportLoad.Result<TransformSummary> result =
                load.during(() -> lake.transform(TransformRequest.days(new DayRange(newDay, newDay))));

        System.out.printf(
                Locale.ROOT,
                "%d report queries on %d clients during a %.1f s transform: p50 %.0f ms, p95 %.0f ms%n",
                result.latenciesMillis().size(),
                CLIENTS,
                result.workSeconds(),
                result.percentile(0.5),
                result.percentile(0.95));
        assertThat(result.failures())
                .as("report queries that failed under load")
                .isEmpty();
        assertThat(result.latenciesMillis())
                .as("queries that ran during the transform")
                .isNotEmpty();
        assertThat(result.work().arrivalDays()).containsExactly(newDay);
        ManifestChecks.assertLakeMatches(lake, manifest);
    }
}
