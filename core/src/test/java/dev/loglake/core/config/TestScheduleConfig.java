package dev.loglake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestScheduleConfig {
    @Test
    void defaultsRunDailyAtOneInTheMorningUtc() {
        ScheduleConfig config = ScheduleConfig.from(Settings.defaults());

        assertThat(config.cron().expression()).isEqualTo("0 1 * * *");
        assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.cron().nextAfter(ZonedDateTime.parse("2026-11-22T01:00:00Z")))
                .isEqualTo(ZonedDateTime.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void theNextTickIsComputedInUtcWhateverTheZoneOfTheInput() {
        CronSchedule every15 = CronSchedule.parse("*/15 * * * *", "test");
        ZonedDateTime paris = ZonedDateTime.of(2026, 11, 22, 10, 7, 0, 0, ZoneId.of("Europe/Paris"));

        assertThat(every15.nextAfter(paris)).isEqualTo(ZonedDateTime.parse("2026-11-22T09:15:00Z"));
        assertThat(CronSchedule.parse("30 2 * * 1", "test").nextAfter(ZonedDateTime.parse("2026-11-22T00:00:00Z")))
                .as("Monday 02:30")
                .isEqualTo(ZonedDateTime.parse("2026-11-23T02:30:00Z"));
    }

    @Test
    void anInvalidExpressionNamesItselfTheKeyItsSourceAndTheExpectedForm() {
        assertThatThrownBy(() -> ScheduleConfig.from(settings(Map.of(ScheduleConfig.CRON, "0 25 * * *"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Invalid cron expression '0 25 * * *' for schedule.cron (flag)")
                .hasMessageContaining("Expected 5 fields separated by spaces: minute (0-59), hour (0-23)");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 1 * * *", "--cron"))
                .as("six fields (a seconds field) are not standard cron")
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("'0 0 1 * * *' for --cron");
        assertThatThrownBy(() -> CronSchedule.parse("  ", "--cron"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("it is empty");
        assertThatThrownBy(() -> CronSchedule.parse("every day", "--cron"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("'every day'");
    }

    @Test
    void theStopTimeoutIsAWholeNumberOfSecondsUpToAnHour() {
        assertThatThrownBy(() -> ScheduleConfig.from(settings(Map.of(ScheduleConfig.STOP_TIMEOUT_SECONDS, "soon"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("schedule.stop-timeout-seconds: 'soon' (flag)");
        assertThatThrownBy(() -> ScheduleConfig.from(settings(Map.of(ScheduleConfig.STOP_TIMEOUT_SECONDS, "7200"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Expected 0 to 3600 seconds");
    }

    private static Settings settings(Map<String, String> values) {
        return Settings.defaults().with(values, "flag");
    }
}
