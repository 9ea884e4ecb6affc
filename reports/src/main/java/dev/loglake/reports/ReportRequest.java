package dev.loglake.reports;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.period.PeriodWindow;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to report: the period of the given kind that contains {@code date}, written into {@code outputDir}.
 * Whether the period can be reported (not in the future, enough complete days) is checked by {@link
 * ReportRunner} against the clock and the ledger.
 */
public record ReportRequest(LocalDate date, Period period, Path outputDir) {
    /** Reports before this date are refused: the lake has no data that old, and a typo is likelier. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public ReportRequest {
        requireNonNull(date, "date is null");
        requireNonNull(period, "period is null");
        requireNonNull(outputDir, "outputDir is null");
        if (date.isBefore(EARLIEST)) {
            throw LoglakeException.user("Invalid report date %s: expected a date from %s on.", date, EARLIEST);
        }
    }

    /** The request with the default output folder, {@code reports/<period>/<key>} under the working directory. */
    public static ReportRequest withDefaultOutput(LocalDate date, Period period) {
        return new ReportRequest(date, period, defaultOutputDir(date, period));
    }

    public static Path defaultOutputDir(LocalDate date, Period period) {
        return Path.of(
                "reports", period.id(), PeriodWindow.containing(period, date).key());
    }

    public PeriodWindow window() {
        return PeriodWindow.containing(period, date);
    }
}
