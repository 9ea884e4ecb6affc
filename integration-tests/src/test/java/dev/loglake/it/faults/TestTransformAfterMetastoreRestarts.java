package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.stack.component.MetastoreComponent;
import dev.loglake.stack.component.PostgresComponent;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metastore restarted between two transform jobs, then PostgreSQL restarted while the metastore is idle
 * (issue 7): each next transform reconnects on its own (no restart of Trino or of the metastore) and the
 * lake built by the three runs equals the manifest.
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

    private static TransformRequest day(int offset) {
        LocalDate day = START.plusDays(offset);
        return TransformRequest.days(new DayRange(day, day));
    }
}
