package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A day busier than a query's memory loads, because the local Trino spills to disk what does not fit: the
 * sessions window holds the whole day's requests, which made a day of 6,000,000 requests fail on the default
 * stack (1 GB per query). Shown at small scale: the test stack gives a query {@link
 * LocalStackExtension#QUERY_MEMORY}, and a day of 600,000 requests needs about 200 MB in the sessions statement.
 */
@ExtendWith(LocalStackExtension.class)
class TestBusyDayWithinQueryMemory {
    private static final LocalDate DAY = LocalDate.of(2031, 3, 4);
    private static final long REQUESTS = 600_000;

    @Test
    void aDayThatExceedsAQuerysMemoryLoadsBySpillingAndIsExact(TestStack stack) {
        TransformFixture lake = new TransformFixture(stack, "busy");
        Manifest manifest = lake.generate(DAY, 1, REQUESTS, 0, 0.001);
        TransformRequest day = TransformRequest.days(new DayRange(DAY, DAY));

        // The bound is real: the same load with spilling switched off for its session runs out of memory.
        TransformFixture withoutSpill = new TransformFixture(
                stack,
                "busy",
                Map.of(
                        TrinoConfig.URL,
                        stack.settings().get(TrinoConfig.URL) + "?sessionProperties=spill_enabled:false"));
        assertThatThrownBy(() -> withoutSpill.transform(day))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("marts/sessions.sql failed for dt=" + DAY)
                .hasMessageContaining("Query exceeded per-node memory limit of " + LocalStackExtension.QUERY_MEMORY);

        // With spilling, as the stack runs, the same day loads, and a rerun after the failure is exact.
        lake.transform(day);
        ManifestChecks.assertLakeMatches(lake, manifest);
    }
}
