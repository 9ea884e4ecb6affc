package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that talks to S3 or Trino fails the way {@code generate} does when the server is down: exit code
 * 1, the component and its endpoint named, how to start the local stack; no stack trace. Both point at a port on
 * 127.0.0.1 that nothing listens on.
 */
class TestServerDown {
    private static int closedPort;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @Test
    void transformNamesTheServerThatIsDown() {
        assertNamesAServerThatIsDown(run("transform"));
    }

    @Test
    void transformOfGivenDaysNamesTheServerThatIsDown() {
        assertNamesAServerThatIsDown(run("transform", "--date", "2026-11-01"));
    }

    @Test
    void reportNamesTheServerThatIsDown() {
        assertNamesAServerThatIsDown(run(
                "report",
                "--date",
                "2026-11-01",
                "--out",
                directory.resolve("out").toString()));
    }

    @Test
    void generateAndIngestNameTheServerThatIsDown() throws IOException {
        assertNamesAServerThatIsDown(run("generate", "--start", "2026-11-01", "--days", "1"));

        err.getBuffer().setLength(0);
        Path log = Files.writeString(directory.resolve("access.log"), "x\n");
        assertNamesAServerThatIsDown(run("ingest", log.toString()));
    }

    @Test
    void benchOnTheConfiguredStackNamesTheServerThatIsDown() {
        assertNamesAServerThatIsDown(run(
                "bench",
                "--configured-stack",
                "--work-dir",
                directory.resolve("bench").toString(),
                "--runs",
                "1"));
    }

    private void assertNamesAServerThatIsDown(int exitCode) {
        String error = err.toString();
        assertThat(exitCode).as(error).isEqualTo(1);
        assertThat(error)
                .containsAnyOf(
                        "Cannot reach S3 at http://127.0.0.1:" + closedPort + " (s3.endpoint from command-line flag)",
                        "Cannot reach Trino at jdbc:trino://127.0.0.1:" + closedPort
                                + " (trino.url from command-line flag)")
                .contains("Start the local stack with './loglake stack up'")
                .doesNotContain("internal error")
                .doesNotContain("\tat ");
    }

    private int run(String... args) {
        String[] servers = {
            "--set",
            "stack.data-dir=" + directory.resolve("stack"),
            "--set",
            "trino.url=jdbc:trino://127.0.0.1:" + closedPort,
            "--set",
            "s3.endpoint=http://127.0.0.1:" + closedPort,
            "--set",
            "s3.path-style-access=true",
            "--set",
            "s3.access-key=test",
            "--set",
            "s3.secret-key=test"
        };
        CommandLine commandLine = Loglake.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(
                Stream.concat(Arrays.stream(args), Arrays.stream(servers)).toArray(String[]::new));
    }
}
