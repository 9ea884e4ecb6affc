package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The report command's flags: help, and usage errors that name the flag and the value before any connection. */
class TestReportCommand {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpDescribesTheFlags() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString())
                .contains("--date=YYYY-MM-DD")
                .contains("--period=PERIOD")
                .contains("--out=DIR");
    }

    @Test
    void aBadDateOrPeriodIsAUsageErrorThatNamesIt() {
        assertThat(run("report", "--date", "2026-13-01")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --date '2026-13-01'").contains("YYYY-MM-DD");
        assertThat(run("report", "--date", "2026-11-01", "--period", "year")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid report period 'year': expected one of day, week, month");
        assertThat(run("report")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--date=YYYY-MM-DD'");
    }

    private int run(String... args) {
        CommandLine commandLine = Loglake.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
