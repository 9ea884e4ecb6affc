package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The days generate writes (the given ones, or the current day (UTC) for a scheduled run), and its checks. */
class TestGenerateCommand {
    private static final Clock JUST_AFTER_MIDNIGHT = Clock.fixed(Instant.parse("2026-11-09T00:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void withoutAStartGenerateWritesTheCurrentDay() {
        assertThat(plan("generate").summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .isEqualTo("generate 1 day(s) of 1000000 events a day from 2026-11-09 (combined, gzip) into s3://raw/");
    }

    @Test
    void aStartAndDaysStillChooseTheDays() {
        assertThat(plan("generate", "--start", "2026-11-01", "--days", "3").summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("generate 3 day(s) of 1000000 events a day from 2026-11-01 ");
    }

    /** The CronJob runs plain "generate": its volume is the ConfigMap's, and a flag still wins over it. */
    @Test
    void theEnvironmentSetsTheVolumeAndTheFlagOverridesIt() {
        Map<String, String> environment =
                Map.of("LOGLAKE_LAKE_RAW_BUCKET", "raw", "LOGLAKE_GENERATE_EVENTS_PER_DAY", "2000");
        assertThat(Loglake.plan(environment, directory, JUST_AFTER_MIDNIGHT, "generate")
                        .summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("generate 1 day(s) of 2000 events a day from 2026-11-09 ");
        assertThat(Loglake.plan(environment, directory, JUST_AFTER_MIDNIGHT, "generate", "--events-per-day", "300")
                        .summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("generate 1 day(s) of 300 events a day from ");
    }

    @Test
    void aBadVolumeInTheEnvironmentFailsThePlan() {
        assertThatThrownBy(() -> Loglake.plan(
                        Map.of("LOGLAKE_LAKE_RAW_BUCKET", "raw", "LOGLAKE_GENERATE_EVENTS_PER_DAY", "a million"),
                        directory,
                        JUST_AFTER_MIDNIGHT,
                        "generate"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("generate.events-per-day: 'a million'");
    }

    /** A scheduled job whose environment sets a part size S3 refuses fails its plan, not every night's upload. */
    @Test
    void aBadPartSizeInTheEnvironmentFailsThePlan() {
        assertThatThrownBy(() -> Loglake.plan(
                        Map.of("LOGLAKE_LAKE_RAW_BUCKET", "raw", "LOGLAKE_GENERATE_PART_SIZE_MIB", "4"),
                        directory,
                        JUST_AFTER_MIDNIGHT,
                        "generate"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("generate.part-size-mib: 4.");
    }

    private CommandPlan plan(String... args) {
        return Loglake.plan(Map.of("LOGLAKE_LAKE_RAW_BUCKET", "raw"), directory, JUST_AFTER_MIDNIGHT, args);
    }
}
