package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: help everywhere, the version, and exit codes 0 / 1 / 2 with clear errors. */
class TestLoglakeCommand {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void versionNamesLoglakeAndThePinnedComponents() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("loglake ").contains("Trino 476").contains("Hive Metastore 4.0.1");
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = Loglake.newCommandLine();
        assertThat(root.getSubcommands()).containsKeys("stack", "generate", "ingest", "config", "demo", "schedule");
        for (CommandLine command : allCommands(root)) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            assertThat(command.getCommandSpec().optionsMap())
                    .as("--help on " + command.getCommandSpec().qualifiedName())
                    .containsKey("--help");
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("frobnicate");
    }

    @Test
    void anUnknownConfigurationKeyIsAUsageErrorThatNamesIt() {
        assertThat(run("config", "show", "--set", "trino.ulr=jdbc:trino://x:1")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown configuration key 'trino.ulr'")
                .contains("Did you mean 'trino.url'?");
    }

    @Test
    void anInvalidValueIsAUsageErrorThatNamesKeyValueAndExpectation() {
        assertThat(run("stack", "status", "--data-dir", directory.toString(), "--trino-port", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("stack.trino-port: '0'").contains("Expected a TCP port");
    }

    /** A part below S3's minimum would fail every large upload at its end: refused before S3 is contacted. */
    @Test
    void aPartSizeBelowS3sMinimumStopsGenerateBeforeItConnects() {
        assertThat(run(
                        "generate",
                        "--start",
                        "2026-11-01",
                        "--set",
                        "stack.data-dir=" + directory,
                        "--set",
                        "s3.endpoint=http://127.0.0.1:1",
                        "--set",
                        "generate.part-size-mib=2"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for generate.part-size-mib: 2.")
                .contains("Expected a part size in MiB from 5 (S3's minimum part) to 2047")
                .doesNotContain("127.0.0.1:1");
    }

    @Test
    void anInvalidCronExpressionStopsScheduleBeforeItsLoopStarts() {
        assertThat(run("schedule", "--cron", "0 25 * * *", "--set", "stack.data-dir=" + directory))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid cron expression '0 25 * * *' for schedule.cron (command-line flag)")
                .contains("Value 25 not in range [0, 23]")
                .contains("Expected 5 fields")
                .doesNotContain("Scheduler started");
    }

    @Test
    void statusOfAStackThatIsNotRunningSaysSoAndFails() {
        assertThat(run("stack", "status", "--data-dir", directory.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("PostgreSQL").contains("Trino").contains("stopped");
    }

    @Test
    void statusAsJsonListsEveryComponent() {
        run("stack", "status", "--json", "--data-dir", directory.toString());
        assertThat(out.toString())
                .contains("\"component\" : \"Hive Metastore\"")
                .contains("\"healthy\" : false")
                .contains("\"pid\" : null");
    }

    @Test
    void configKeysDocumentsEveryKeyWithItsVariable() {
        assertThat(run("config", "keys")).isZero();
        assertThat(out.toString())
                .contains("s3.access-key")
                .contains("LOGLAKE_S3_ACCESS_KEY")
                .contains("stack.trino-port");
    }

    @Test
    void configShowMasksSecrets() {
        assertThat(run("config", "show", "--set", "s3.access-key=AKIAEXAMPLE", "--set", "s3.secret-key=hush"))
                .isZero();
        assertThat(out.toString())
                .contains("s3.access-key=********")
                .doesNotContain("AKIAEXAMPLE")
                .doesNotContain("hush");
    }

    /**
     * SQL smuggled into a date, a schema prefix, the catalog or a bucket stops the command with a usage error
     * before anything runs: Trino and S3 point at a closed port, so a command that tried to connect would fail
     * with exit code 1 and a connection error instead.
     */
    @Test
    void sqlInDatesSchemasCatalogsOrBucketsIsRefusedBeforeAnythingRuns() {
        String[] unreachable = {
            "--set",
            "stack.data-dir=" + directory,
            "--set",
            "trino.url=jdbc:trino://127.0.0.1:1",
            "--set",
            "s3.endpoint=http://127.0.0.1:1"
        };
        java.util.Map<String[], String> attempts = new java.util.LinkedHashMap<>();
        attempts.put(new String[] {"transform", "--date", "2026-11-01' OR 1=1 --"}, "--date");
        attempts.put(new String[] {"transform", "--from", "2026-11-01;DROP TABLE x", "--to", "2026-11-02"}, "--from");
        attempts.put(new String[] {"report", "--date", "2026-11-01'); DROP SCHEMA hive.marts; --"}, "--date");
        attempts.put(
                new String[] {"transform", "--set", "lake.schema-prefix=x; DROP SCHEMA hive.raw --"},
                "lake.schema-prefix");
        attempts.put(new String[] {"transform", "--set", "trino.catalog=hive; DROP TABLE x"}, "trino.catalog");
        attempts.put(new String[] {"transform", "--set", "lake.raw-bucket=raw'; DROP TABLE x; --"}, "lake.raw-bucket");
        attempts.forEach((args, named) -> {
            err.getBuffer().setLength(0);
            String[] all = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(args), java.util.Arrays.stream(unreachable))
                    .toArray(String[]::new);
            assertThat(run(all)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString())
                    .as(String.join(" ", args))
                    .contains(named)
                    .doesNotContain("127.0.0.1:1");
        });
    }

    /** Closing raw days by hand needs the days: a bare --close is a usage error, before anything connects. */
    @Test
    void closeWithoutDaysIsRefusedBeforeAnythingRuns() {
        assertThat(run(
                        "transform",
                        "--close",
                        "--set",
                        "stack.data-dir=" + directory,
                        "--set",
                        "trino.url=jdbc:trino://127.0.0.1:1",
                        "--set",
                        "s3.endpoint=http://127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--close needs the raw days to close")
                .doesNotContain("127.0.0.1:1");
    }

    /** The bench deletes its buckets and drops its schemas at the end: a lake's are refused before it starts. */
    @Test
    void aBenchNameThatWouldDestroyALakeIsRefusedBeforeAnythingRuns() {
        String[] unreachable = {
            "--configured-stack",
            "--work-dir",
            directory.resolve("work").toString(),
            "--set",
            "stack.data-dir=" + directory,
            "--set",
            "trino.url=jdbc:trino://127.0.0.1:1",
            "--set",
            "s3.endpoint=http://127.0.0.1:1"
        };
        assertThat(run(concat(new String[] {"bench", "--name", "loglake"}, unreachable)))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Refusing --name 'loglake': its bucket loglake-raw is a lake's bucket")
                .doesNotContain("127.0.0.1:1");

        err.getBuffer().setLength(0);
        assertThat(run(concat(
                        new String[] {"bench", "--name", "mine", "--set", "lake.schema-prefix=mine_lake_"},
                        unreachable)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("its schema mine_lake_raw is a lake's schema");
        assertThat(directory.resolve("work")).doesNotExist();
    }

    @Test
    void resetRefusesADirectoryThatIsNotAStacks() throws java.io.IOException {
        java.nio.file.Path notes = java.nio.file.Files.writeString(directory.resolve("notes.txt"), "mine");

        assertThat(run("stack", "reset", "--yes", "--data-dir", directory.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Refusing to reset " + directory)
                .contains("it holds entries a loglake stack does not write: notes.txt");
        assertThat(notes).hasContent("mine");
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
                .toArray(String[]::new);
    }

    private int run(String... args) {
        CommandLine commandLine = Loglake.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(withIsolatedStack(args));
    }

    /** Keeps the developer's own default stack out of these tests. */
    private String[] withIsolatedStack(String[] args) {
        if (args.length >= 2 && args[0].equals("config") && args[1].equals("show")) {
            String[] isolated = java.util.Arrays.copyOf(args, args.length + 2);
            isolated[args.length] = "--set";
            isolated[args.length + 1] = "stack.data-dir=" + directory;
            return isolated;
        }
        return args;
    }

    private static java.util.List<CommandLine> allCommands(CommandLine root) {
        java.util.List<CommandLine> all = new java.util.ArrayList<>();
        all.add(root);
        root.getSubcommands().values().forEach(child -> all.addAll(allCommands(child)));
        return all;
    }
}
