package dev.loglake.reports.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.MissingDay;
import dev.loglake.reports.Period;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDayCoverage {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final PeriodWindow WEEK = PeriodWindow.containing(Period.WEEK, MONDAY);

    @Test
    void namesEveryDayThatIsNotCompleteWithItsReason() {
        Map<LocalDate, String> statuses = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            statuses.put(MONDAY.plusDays(i), "complete");
        }
        statuses.put(MONDAY.plusDays(2), "failed");
        statuses.put(MONDAY.plusDays(5), "loading");

        DayCoverage coverage = DayCoverage.of(WEEK, statuses);

        assertThat(coverage.completeDays())
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3), MONDAY.plusDays(4));
        assertThat(coverage.missingDays())
                .containsExactly(
                        new MissingDay(MONDAY.plusDays(2), "failed"),
                        new MissingDay(MONDAY.plusDays(5), "loading"),
                        new MissingDay(MONDAY.plusDays(6), MissingDay.NOT_LOADED));
    }

    @Test
    void refusesAPeriodWithNoCompleteDay() {
        assertThatThrownBy(() -> DayCoverage.of(WEEK, Map.of(MONDAY, "failed")))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("No data for the week 2026-W45")
                .hasMessageContaining("2026-11-02 (failed)")
                .extracting(e -> ((LoglakeException) e).kind())
                .isEqualTo(LoglakeException.Kind.USER);
    }

    @Test
    void refusesAPeriodWithFewerThanHalfItsDaysComplete() {
        Map<LocalDate, String> threeDays =
                Map.of(MONDAY, "complete", MONDAY.plusDays(1), "complete", MONDAY.plusDays(2), "complete");

        assertThatThrownBy(() -> DayCoverage.of(WEEK, threeDays))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Cannot fill the week 2026-W45: only 3 of its 7 days are complete");
        Map<LocalDate, String> fourDays = new HashMap<>(threeDays);
        fourDays.put(MONDAY.plusDays(3), "complete");
        assertThat(DayCoverage.of(WEEK, fourDays).missingDays()).hasSize(3);
    }

    @Test
    void refusesAFutureDateAndAPeriodThatIsNotOver() {
        LocalDate today = LocalDate.of(2026, 11, 5);

        assertThatThrownBy(() -> DayCoverage.requireOver(
                        PeriodWindow.containing(Period.DAY, today.plusDays(1)), today.plusDays(1), today))
                .hasMessageContaining("2026-11-06: the date is in the future (today is 2026-11-05, UTC)");
        assertThatThrownBy(() -> DayCoverage.requireOver(PeriodWindow.containing(Period.DAY, today), today, today))
                .hasMessageContaining("Cannot report on the day 2026-11-05 yet");
        assertThatThrownBy(() -> DayCoverage.requireOver(WEEK, MONDAY, today))
                .hasMessageContaining("Cannot report on the week 2026-W45 yet: it ends on 2026-11-08")
                .hasMessageContaining("The latest week that is over is 2026-W44");
        DayCoverage.requireOver(PeriodWindow.containing(Period.DAY, today.minusDays(1)), today.minusDays(1), today);
    }
}
