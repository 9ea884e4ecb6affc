package dev.loglake.reports.period;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.MissingDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which days of a window the report can read, and whether that is enough for a report.
 *
 * <p>A report reads only days whose latest status in the ledger is {@code complete}; every other day of the
 * window (failed, loading, or unknown to the ledger) is missing and is named in the report. The window cannot
 * be filled, and no report is written, when:
 *
 * <ul>
 *   <li>its date is in the future, or the window is not over yet (it ends today or later, in UTC);
 *   <li>none of its days is complete ("no data");
 *   <li>fewer than half of its days are complete: a week with three days of data, or a month with ten, would
 *       read like a real week or month but compare badly with the previous one.
 * </ul>
 */
public record DayCoverage(PeriodWindow window, List<LocalDate> completeDays, List<MissingDay> missingDays) {
    public DayCoverage {
        requireNonNull(window, "window is null");
        completeDays = List.copyOf(completeDays);
        missingDays = List.copyOf(missingDays);
    }

    /** Fails, naming the date and the reason, when a report of the window cannot be written today. */
    public static void requireOver(PeriodWindow window, LocalDate requested, LocalDate today) {
        if (requested.isAfter(today)) {
            throw LoglakeException.user(
                    "Cannot report on %s: the date is in the future (today is %s, UTC). Give a date up to %s.",
                    requested, today, today.minusDays(1));
        }
        if (!window.last().isBefore(today)) {
            PeriodWindow latest =
                    PeriodWindow.containing(window.period(), today).previous();
            throw LoglakeException.user(
                    "Cannot report on the %s %s yet: it ends on %s and today is %s (UTC), so its data is not"
                            + " complete. The latest %s that is over is %s; give a date in it.",
                    window.period().id(),
                    window.key(),
                    window.last(),
                    today,
                    window.period().id(),
                    latest.key());
        }
    }

    /**
     * The coverage of the window from the ledger's latest status of each day it knows, or a user error when
     * the window cannot be filled.
     */
    public static DayCoverage of(PeriodWindow window, Map<LocalDate, String> statusByDay) {
        DayCoverage coverage = describe(window, statusByDay);
        int complete = coverage.completeDays().size();
        if (complete == 0) {
            throw LoglakeException.user(
                    "No data for the %s %s (%s to %s): no day of it is loaded and complete (%s). Nothing was"
                            + " written. Generate or ingest the logs and run './loglake transform', or choose a"
                            + " date that has data.",
                    window.period().id(),
                    window.key(),
                    window.first(),
                    window.last(),
                    MissingDay.describe(coverage.missingDays()));
        }
        if (complete * 2 < window.dayCount()) {
            throw LoglakeException.user(
                    "Cannot fill the %s %s: only %d of its %d days are complete (missing: %s). A report needs at"
                            + " least half of its days; nothing was written. Load the missing days, or ask for a"
                            + " shorter period (--period day).",
                    window.period().id(),
                    window.key(),
                    complete,
                    window.dayCount(),
                    MissingDay.describe(coverage.missingDays()));
        }
        return coverage;
    }

    /** The coverage without judging it: used for the previous window, which may be empty. */
    public static DayCoverage describe(PeriodWindow window, Map<LocalDate, String> statusByDay) {
        List<LocalDate> complete = new ArrayList<>();
        List<MissingDay> missing = new ArrayList<>();
        for (LocalDate day : window.days()) {
            String status = statusByDay.get(day);
            if ("complete".equals(status)) {
                complete.add(day);
            } else {
                missing.add(new MissingDay(day, status == null ? MissingDay.NOT_LOADED : status));
            }
        }
        return new DayCoverage(window, complete, missing);
    }

    public String summary() {
        return completeDays.size() + " of " + window.dayCount() + " day(s) complete"
                + (missingDays.isEmpty()
                        ? ""
                        : "; missing: "
                                + missingDays.stream().map(MissingDay::toString).collect(Collectors.joining(", ")));
    }
}
