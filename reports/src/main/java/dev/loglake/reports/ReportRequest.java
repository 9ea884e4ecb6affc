package dev.loglake.reports;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.period.PeriodWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to report: the period of the given kind that contains {@code date}, written into {@code outputDir}.
 * Whether the period can be reported (not in the future, enough complete days) is checked by {@link
 * ReportRunner} against the clock and the ledger.
 *
 * @param site the one site to report on (its figures only, stored under {@code reports/site=NAME/}); empty for all
 *     sites, with a per-site breakdown
 */
public record ReportRequest(LocalDate date, Period period, Path outputDir, Optional<String> site) {
    /** Characters of a site name kept as they are in a folder or key name; any other becomes '_'. */
    private static final Pattern UNSAFE_IN_FOLDER = Pattern.compile("[^A-Za-z0-9._-]");

    /** Reports before this date are refused: the lake has no data that old, and a typo is likelier. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public ReportRequest {
        requireNonNull(date, "date is null");
        requireNonNull(period, "period is null");
        requireNonNull(outputDir, "outputDir is null");
        requireNonNull(site, "site is null");
        if (site.isPresent() && site.get().isBlank()) {
            throw LoglakeException.user("Invalid --site '%s': expected a site's name, such as shop.", site.get());
        }
        if (date.isBefore(EARLIEST)) {
            throw LoglakeException.user("Invalid report date %s: expected a date from %s on.", date, EARLIEST);
        }
    }

    /** A report of all sites. */
    public ReportRequest(LocalDate date, Period period, Path outputDir) {
        this(date, period, outputDir, Optional.empty());
    }

    /** The request with the default output folder, {@code reports/<period>/<key>} under the working directory. */
    public static ReportRequest withDefaultOutput(LocalDate date, Period period) {
        return new ReportRequest(date, period, defaultOutputDir(date, period));
    }

    public static Path defaultOutputDir(LocalDate date, Period period) {
        return Path.of(
                "reports", period.id(), PeriodWindow.containing(period, date).key());
    }

    /** The default output folder of one site's report: {@code reports/site=NAME/<period>/<key>}. */
    public static Path defaultOutputDir(LocalDate date, Period period, Optional<String> site) {
        return site.map(name -> Path.of("reports", siteFolder(name))
                        .resolve(defaultOutputDir(date, period).subpath(1, 3)))
                .orElse(defaultOutputDir(date, period));
    }

    /**
     * Where the report is stored in the reports bucket: {@code reports/<period>/<key>/}, or for one site
     * {@code reports/site=NAME/<period>/<key>/}, beside and never under the all-sites reports (a store replaces
     * everything under its prefix).
     */
    public String s3Prefix() {
        String key = window().key();
        return site.map(name -> "reports/" + siteFolder(name) + "/" + period.id() + "/" + key + "/")
                .orElse(ReportResult.s3Prefix(period, key));
    }

    /** {@code site=NAME}, with characters a folder or key should not hold (an ALB's 'app/NAME/id') as '_'. */
    static String siteFolder(String site) {
        return "site=" + UNSAFE_IN_FOLDER.matcher(site).replaceAll("_");
    }

    public PeriodWindow window() {
        return PeriodWindow.containing(period, date);
    }
}
