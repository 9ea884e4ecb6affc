package dev.loglake.cli.report;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.Settings;
import dev.loglake.lake.LakeClients;
import dev.loglake.reports.MissingDay;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportResult;
import dev.loglake.reports.ReportRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
            "Reads only days the transforms marked complete and names the others as missing. Refuses a date in"
                    + " the future, a period that is not over, and a period with fewer than half of its days"
                    + " complete."
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(
            names = "--date",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "A day of the period to report on (UTC).")
    String date;

    @Option(
            names = "--period",
            paramLabel = "PERIOD",
            defaultValue = "day",
            description =
                    "day, week (the ISO week containing --date) or month (its calendar month). Default: ${DEFAULT-VALUE}.")
    String period;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the files (default: ./reports/<period>/<key>, e.g. ./reports/week/2026-W45).")
    Path out;

    @Override
    public Integer call() {
        LocalDate day = parseDate(date);
        Period kind = Period.parse(period);
        ReportRequest request =
                out == null ? ReportRequest.withDefaultOutput(day, kind) : new ReportRequest(day, kind, out);
        Settings settings = config.settings();
        LakeClients clients = LakeClients.from(settings);
        try (S3Client s3 = clients.s3()) {
            ReportResult result = new ReportRunner(clients.trino(), s3, clients.schemas()).run(request);
            print(result);
        }
        return 0;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw LoglakeException.user("Invalid --date '%s': expected a date such as 2026-11-03 (YYYY-MM-DD).", value);
        }
    }

    private void print(ReportResult result) {
        var out = spec.commandLine().getOut();
        out.printf(
                "Report on the %s %s written to %s (open %s) and stored in s3://%s/%s%n",
                result.period().id(),
                result.periodKey(),
                result.outputDir(),
                result.files().get(0),
                result.bucket(),
                ReportResult.s3Prefix(result.period(), result.periodKey()));
        if (!result.missingDays().isEmpty()) {
            out.printf("  Missing (left out and named in the report): %s%n", MissingDay.describe(result.missingDays()));
        }
    }
}
