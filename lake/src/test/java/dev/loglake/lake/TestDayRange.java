package dev.loglake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestDayRange {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @Test
    void chunksKeepEveryDayOnceWithinTheLimit() {
        List<DayRange> chunks = new DayRange(D1, D1.plusDays(99)).chunks(30);

        assertThat(chunks)
                .containsExactly(
                        new DayRange(D1, D1.plusDays(29)),
                        new DayRange(D1.plusDays(30), D1.plusDays(59)),
                        new DayRange(D1.plusDays(60), D1.plusDays(89)),
                        new DayRange(D1.plusDays(90), D1.plusDays(99)));
        assertThat(chunks.stream().mapToLong(DayRange::days).sum()).isEqualTo(100);
    }

    @Test
    void aSplitByRowsKeepsEachRangeWithinTheBudgetAndABigDayAlone() {
        Map<LocalDate, Long> rows = Map.of(
                D1, 400L, D1.plusDays(1), 500L, D1.plusDays(2), 300L, D1.plusDays(3), 2_000L, D1.plusDays(5), 100L);

        // D1+4 has no rows: it stays in a range, so that no day of the batch is left out.
        assertThat(new DayRange(D1, D1.plusDays(5)).splitByRows(rows, 1_000))
                .containsExactly(
                        new DayRange(D1, D1.plusDays(1)),
                        new DayRange(D1.plusDays(2), D1.plusDays(2)),
                        new DayRange(D1.plusDays(3), D1.plusDays(3)),
                        new DayRange(D1.plusDays(4), D1.plusDays(5)));
        assertThat(new DayRange(D1, D1.plusDays(5)).splitByRows(rows, 10_000))
                .containsExactly(new DayRange(D1, D1.plusDays(5)));
    }

    @Test
    void consecutiveDaysFormRuns() {
        TreeSet<LocalDate> days =
                new TreeSet<>(List.of(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(5), D1.plusDays(7)));

        assertThat(DayRange.consecutive(days))
                .containsExactly(
                        new DayRange(D1, D1.plusDays(2)),
                        new DayRange(D1.plusDays(5), D1.plusDays(5)),
                        new DayRange(D1.plusDays(7), D1.plusDays(7)));
        assertThat(DayRange.consecutive(new TreeSet<>())).isEmpty();
    }

    @Test
    void anEndBeforeTheStartIsAUsageError() {
        assertThatThrownBy(() -> new DayRange(D1, D1.minusDays(1)))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("the end is before the start")
                .extracting(error -> ((LoglakeException) error).kind())
                .isEqualTo(LoglakeException.Kind.USER);
    }
}
