package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.reports.Period;
import dev.loglake.reports.period.PeriodWindow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestReportsStage {
    @Test
    void picksTheLatestWeekThatHasItsPreviousWeekInsideTheLake() {
        // 2026-10-01 is a Thursday; the lake's last day 2026-10-30 is a Friday of an unfinished week.
        PeriodWindow window = ReportsStage.window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30));

        assertThat(window.period()).isEqualTo(Period.WEEK);
        assertThat(window.first()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(window.last()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(window.previous().first()).isAfterOrEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void aLakeTooShortForTwoWeeksGetsItsLastDay() {
        PeriodWindow window = ReportsStage.window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 12));

        assertThat(window.period()).isEqualTo(Period.DAY);
        assertThat(window.first()).isEqualTo(LocalDate.of(2026, 10, 12));
    }
}
