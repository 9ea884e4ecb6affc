package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report command's flags: help, and usage errors that name the flag and the value before any connection. */
class TestReportCommand {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpDescribesTheFlags() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString())
                .contains("--date=YYYY-MM-DD")
                .contains("--period=PERIOD")
                .contains("--site=NAME")
                .contains("--out=DIR");
    }

    @Test
    void aBadDateOrPeriodIsAUsageErrorThatNamesIt() {
        assertThat(run("report", "--date", "2026-13-01")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --date '2026-13-01'").contains("YYYY-MM-DD");
        assertThat(run("report", "--date", "2026-11-01", "--period", "year")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid report period 'year': expected one of day, week, month");
    }

    /** Monday 9 November 2026, 02:00 UTC: Sunday the 8th ended a day and the ISO week 2026-W45. */
    private static final Clock MONDAY_NIGHT = Clock.fixed(Instant.parse("2026-11-09T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutADateTheReportCoversWhatEndedYesterday() {
        CommandPlan plan = plan("report");

        assertThat(plan.summary())
                .containsExactly(
                        "report day 2026-11-08 into reports/day/2026-11-08 and s3://reports/reports/day/2026-11-08/",
                        "report week 2026-W45 into reports/week/2026-W45 and s3://reports/reports/week/2026-W45/");
        assertThat(plan.localOutputs())
                .containsExactly(Path.of("reports/day/2026-11-08"), Path.of("reports/week/2026-W45"));
    }

    @Test
    void withAPeriodAndNoDateTheReportCoversTheLatestOneOver() {
        assertThat(plan("report", "--period", "month").summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("report month 2026-10 into reports/month/2026-10");
    }

    @Test
    void severalReportsGoIntoTheirOwnFoldersUnderOut() {
        assertThat(plan("report", "--out", "/work/reports").localOutputs())
                .containsExactly(Path.of("/work/reports/day/2026-11-08"), Path.of("/work/reports/week/2026-W45"));
        assertThat(plan("report", "--date", "2026-11-03", "--out", "/work/one").localOutputs())
                .containsExactly(Path.of("/work/one"));
    }

    @Test
    void aDateStillChoosesTheDayToReport() {
        assertThat(plan("report", "--date", "2026-11-03").summary())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("report day 2026-11-03 ");
    }

    @Test
    void aSiteReportGoesBesideTheAllSitesReportsNeverUnderThem() {
        assertThat(plan("report", "--date", "2026-11-03", "--site", "shop").summary())
                .containsExactly("report day 2026-11-03 into reports/site=shop/day/2026-11-03 and"
                        + " s3://reports/reports/site=shop/day/2026-11-03/");
        // An ALB's name holds '/': one folder all the same.
        assertThat(plan("report", "--date", "2026-11-03", "--site", "app/web/50dc6c")
                        .localOutputs())
                .containsExactly(Path.of("reports/site=app_web_50dc6c/day/2026-11-03"));
    }

    private CommandPlan plan(String... args) {
        return Loglake.plan(Map.of("LOGLAKE_LAKE_REPORTS_BUCKET", "reports"), directory, MONDAY_NIGHT, args);
    }

    private int run(String... args) {
        CommandLine commandLine = Loglake.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
