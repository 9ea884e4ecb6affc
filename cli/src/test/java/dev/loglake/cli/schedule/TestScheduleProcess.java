package dev.loglake.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code loglake schedule} process and real signals: the JVM's own shutdown sequence, which no
 * in-process test can exercise. The test waits for the log line that says the scheduler is waiting (a
 * blocking read, not a sleep), sends the signal, and checks the exit code and the last log lines.
 */
class TestScheduleProcess {
    @TempDir
    Path stackDirectory;

    @Test
    void sigtermStopsTheWaitingSchedulerWithExitCodeZeroAndSaysSo() throws Exception {
        Process schedule = start();
        BufferedReader output = reader(schedule);
        List<String> log = readUntil(output, "Next run at");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("Scheduler started: runs at '0 0 1 1 *'"));

        schedule.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we read

        assertThat(schedule.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> rest = output.lines().toList();
        assertThat(schedule.exitValue()).as("exit code; log: %s", rest).isZero();
        assertThat(String.join("\n", rest))
                .contains("Stop signal received; stopping.")
                .contains("Scheduler stopped after 0 run(s), 0 of them failed.");
    }

    @Test
    void ctrlCStopsItTheSameWay() throws Exception {
        Process schedule = start();
        BufferedReader output = reader(schedule);
        readUntil(output, "Next run at");

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(schedule.pid())).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(schedule.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> rest = output.lines().toList();
        assertThat(schedule.exitValue()).as("exit code; log: %s", rest).isZero();
        assertThat(String.join("\n", rest)).contains("Scheduler stopped after 0 run(s)");
    }

    /** Once a year: the process is always waiting when the signal comes. */
    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // env restores SIGINT's default: a CI job started in the background by a shell without job control
        // runs with SIGINT ignored, the JVM keeps an ignored SIGINT ignored, and Ctrl-C would do nothing.
        return new ProcessBuilder(
                        "env",
                        "--default-signal=INT",
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.loglake.cli.Loglake",
                        "schedule",
                        "--cron",
                        "0 0 1 1 *",
                        "--set",
                        "stack.data-dir=" + stackDirectory)
                .redirectErrorStream(true)
                .start();
    }

    private static List<String> readUntil(BufferedReader reader, String marker) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (line.contains(marker)) {
                return lines;
            }
        }
        throw new AssertionError("The process ended before logging '" + marker + "': " + lines);
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
