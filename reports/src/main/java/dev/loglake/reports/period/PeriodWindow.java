package dev.loglake.reports.period;

import static java.util.Objects.requireNonNull;

import dev.loglake.reports.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a report covers, both ends included: the day itself, the ISO week (Monday to Sunday) that contains
 * the date, or the calendar month that contains it. The previous window is the day before, the week before, or
 * the month before.
 */
public record PeriodWindow(Period period, LocalDate first, LocalDate last) {
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    public PeriodWindow {
        requireNonNull(period, "period is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("window ends " + last + " before it starts " + first);
        }
    }

    /** The window of the given period that contains {@code date}. */
    public static PeriodWindow containing(Period period, LocalDate date) {
        return switch (period) {
            case DAY -> new PeriodWindow(period, date, date);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new PeriodWindow(period, monday, monday.plusDays(6));
            }
            case MONTH -> new PeriodWindow(
                    period, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The latest window of {@code period} that is over on {@code today}: yesterday, last ISO week, last month. */
    public static PeriodWindow latestOver(Period period, LocalDate today) {
        return containing(period, today).previous();
    }

    /**
     * The windows that ended with the day before {@code today}, the reports a nightly run writes: that day, and its
     * ISO week when it was a Sunday, and its month when it was the month's last day.
     */
    public static List<PeriodWindow> endedBefore(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<PeriodWindow> windows = new ArrayList<>();
        for (Period period : Period.values()) {
            PeriodWindow window = containing(period, yesterday);
            if (window.last().equals(yesterday)) {
                windows.add(window);
            }
        }
        return List.copyOf(windows);
    }

    /** The window just before this one: the previous day, ISO week or calendar month. */
    public PeriodWindow previous() {
        return containing(period, first.minusDays(1));
    }

    public List<LocalDate> days() {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    public int dayCount() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The key of the report in folders and S3: 2026-11-03, 2026-W45 or 2026-11. */
    public String key() {
        return switch (period) {
            case DAY -> first.toString();
            case WEEK -> String.format(
                    Locale.ROOT,
                    "%d-W%02d",
                    first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> first.toString().substring(0, 7);
        };
    }

    /** For people: "Tuesday 3 November 2026", "week 2026-W45 (2 November 2026 to 8 November 2026)", "November 2026". */
    public String label() {
        return switch (period) {
            case DAY -> DAY_LABEL.format(first);
            case WEEK -> "week " + key() + " (" + SHORT_DAY.format(first) + " to " + SHORT_DAY.format(last) + ")";
            case MONTH -> MONTH_LABEL.format(first);
        };
    }

    @Override
    public String toString() {
        return period.id() + " " + key();
    }
}
