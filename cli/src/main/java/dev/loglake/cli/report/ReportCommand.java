package dev.loglake.cli.report;

import dev.loglake.cli.CommandPlan;
import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.Settings;
import dev.loglake.lake.LakeClients;
import dev.loglake.reports.MissingDay;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportResult;
import dev.loglake.reports.ReportRunner;
import dev.loglake.reports.period.PeriodWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the executive summary of a day, an ISO week (Monday to Sunday) or a calendar month: headline"
                    + " figures with their change against the previous period, traffic chart, incidents, top"
                    + " pages and referrers, audience mix.",
            "Writes report.html (self-contained), report.md, kpis.json and CSV files into --out, and stores them in"
                    + " the reports bucket under reports/<period>/<key>/ (a rerun replaces them).",
            "Without --date it reports what is over (UTC), as a nightly job needs: yesterday, and also its ISO week"
                    + " when yesterday was a Sunday and its month when yesterday was the month's last day; with"
                    + " --period, the latest period of that kind that is over.",
            "Without --site it reports all sites together, with a per-site breakdown; with --site NAME, that site"
                    + " alone (stored under reports/site=NAME/<period>/<key>/).",
            "Reads only days the transforms marked complete and names the others as missing. Refuses a date in"
                    + " the future, a period that is not over, and a period with fewer than half of its days"
                    + " complete."
        })
public final class ReportCommand implements Callable<Integer>, CommandPlan.Plannable {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description =
                    "A day of the period to report on (UTC). Default: the latest period that is over (see above).")
    String date;

    @Option(
            names = "--period",
            paramLabel = "PERIOD",
            description = "day, week (the ISO week containing --date) or month (its calendar month). Default: day"
                    + " with --date; without it, every period that ended yesterday.")
    String period;

    @Option(
            names = "--site",
            paramLabel = "NAME",
            description = "Report on this site alone (a source's name, or the host its logs name). Default: all sites,"
                    + " with a per-site breakdown. A site without figures in the period is refused, naming the"
                    + " lake's sites.")
    String site;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the files (default: ./reports/<period>/<key>, e.g. ./reports/week/2026-W45)."
                    + " When one run writes several reports, each goes into DIR/<period>/<key>.")
    Path out;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        List<ReportRequest> requests = requests(clock);
        Settings settings = config.settings();
        LakeClients clients = LakeClients.from(settings);
        try (S3Client s3 = clients.s3()) {
            ReportRunner runner = new ReportRunner(clients.trino(), s3, clients.schemas(), clock);
            for (ReportRequest request : requests) {
                print(request, runner.run(request));
            }
        }
        return 0;
    }

    @Override
    public CommandPlan plan(Clock clock) {
        List<ReportRequest> requests = requests(clock);
        LakeClients clients = LakeClients.from(config.settings());
        List<String> summary = requests.stream()
                .map(request -> "report " + request.period().id() + " "
                        + request.window().key() + " into "
                        + request.outputDir() + " and s3://" + clients.lake().reportsBucket() + "/"
                        + request.s3Prefix())
                .toList();
        return new CommandPlan(
                summary, requests.stream().map(ReportRequest::outputDir).toList());
    }

    /** The reports to write: the one of --date, or the periods that are over on the clock's day (UTC). */
    List<ReportRequest> requests(Clock clock) {
        if (date != null) {
            return List.of(request(parseDate(date), period == null ? Period.DAY : Period.parse(period), false));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<PeriodWindow> windows = period == null
                ? PeriodWindow.endedBefore(today)
                : List.of(PeriodWindow.latestOver(Period.parse(period), today));
        return windows.stream()
                .map(window -> request(window.first(), window.period(), windows.size() > 1))
                .toList();
    }

    private ReportRequest request(LocalDate day, Period kind, boolean oneOfSeveral) {
        Optional<String> only = Optional.ofNullable(site);
        if (out == null) {
            return new ReportRequest(day, kind, ReportRequest.defaultOutputDir(day, kind, only), only);
        }
        return new ReportRequest(
                day,
                kind,
                oneOfSeveral
                        ? out.resolve(kind.id())
                                .resolve(PeriodWindow.containing(kind, day).key())
                        : out,
                only);
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw LoglakeException.user("Invalid --date '%s': expected a date such as 2026-11-03 (YYYY-MM-DD).", value);
        }
    }

    private void print(ReportRequest request, ReportResult result) {
        var out = spec.commandLine().getOut();
        out.printf(
                "Report on the %s %s written to %s (open %s) and stored in s3://%s/%s%n",
                result.period().id(),
                result.periodKey(),
                result.outputDir(),
                result.files().get(0),
                result.bucket(),
                request.s3Prefix());
        if (!result.missingDays().isEmpty()) {
            out.printf("  Missing (left out and named in the report): %s%n", MissingDay.describe(result.missingDays()));
        }
    }
}
