package dev.loglake.reports.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.reports.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestPeriodWindow {
    @Test
    void aDayIsItselfAndItsPreviousIsTheDayBefore() {
        PeriodWindow day = PeriodWindow.containing(Period.DAY, LocalDate.of(2026, 3, 1));

        assertThat(day.first()).isEqualTo(day.last()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(day.key()).isEqualTo("2026-03-01");
        assertThat(day.previous().first()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(day.label()).isEqualTo("Sunday 1 March 2026");
    }

    @Test
    void aWeekIsTheIsoWeekMondayToSundayContainingTheDate() {
        PeriodWindow week = PeriodWindow.containing(Period.WEEK, LocalDate.of(2026, 11, 8)); // a Sunday

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(week.last()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(week.key()).isEqualTo("2026-W45");
        assertThat(week.dayCount()).isEqualTo(7);
        assertThat(week.previous())
                .isEqualTo(new PeriodWindow(Period.WEEK, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 1)));
    }

    @Test
    void aWeekAcrossNewYearBelongsToTheIsoWeekBasedYear() {
        PeriodWindow week = PeriodWindow.containing(Period.WEEK, LocalDate.of(2027, 1, 1)); // a Friday

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(week.key()).isEqualTo("2026-W53");
        assertThat(PeriodWindow.containing(Period.WEEK, LocalDate.of(2025, 12, 29))
                        .key())
                .isEqualTo("2026-W01");
    }

    @Test
    void aMonthIsTheCalendarMonthAndItsPreviousHandlesShortMonths() {
        PeriodWindow march = PeriodWindow.containing(Period.MONTH, LocalDate.of(2028, 3, 31));

        assertThat(march.first()).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(march.last()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(march.key()).isEqualTo("2028-03");
        PeriodWindow february = march.previous();
        assertThat(february.first()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(february.last()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(february.dayCount()).isEqualTo(29);
        assertThat(PeriodWindow.containing(Period.MONTH, LocalDate.of(2026, 1, 15))
                        .previous()
                        .key())
                .isEqualTo("2025-12");
    }

    @Test
    void aNightlyRunOnAWeekdayReportsYesterdayOnly() {
        // Wednesday 2 December 2026: Tuesday ended no week and no month.
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 12, 2)))
                .containsExactly(PeriodWindow.containing(Period.DAY, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aNightlyRunAfterASundayAlsoReportsTheWeek() {
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 11, 9))) // Monday; 8 November was a Sunday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-11-08", "2026-W45");
    }

    @Test
    void aNightlyRunOnTheFirstAlsoReportsTheMonthAndTheWeekWhenBothEnded() {
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 3, 1))) // 28 February 2026 is a Saturday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-02-28", "2026-02");
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 12, 1))) // 30 November 2026 is a Monday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-11-30", "2026-11");
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 9, 1))) // 31 August 2026 is a Monday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-08-31", "2026-08");
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 2, 1))) // 31 January 2026 is a Saturday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-01-31", "2026-01");
        assertThat(PeriodWindow.endedBefore(LocalDate.of(2026, 6, 1))) // 31 May 2026 is a Sunday
                .extracting(PeriodWindow::key)
                .containsExactly("2026-05-31", "2026-W22", "2026-05");
    }

    @Test
    void theLatestWindowOverIsTheOneBeforeToday() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);

        assertThat(PeriodWindow.latestOver(Period.DAY, wednesday).key()).isEqualTo("2026-12-01");
        assertThat(PeriodWindow.latestOver(Period.WEEK, wednesday))
                .isEqualTo(new PeriodWindow(Period.WEEK, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(PeriodWindow.latestOver(Period.MONTH, wednesday).key()).isEqualTo("2026-11");
    }
}
