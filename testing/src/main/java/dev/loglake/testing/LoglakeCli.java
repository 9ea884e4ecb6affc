package dev.loglake.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code loglake} command line ({@code cli/target/loglake.jar} with its {@code lib/}, as the
 * {@code ./loglake} launcher runs it) in a process of its own, pointed at a test stack through a properties
 * file: for tests that need what only a process has, such as a signal or its exit code.
 */
public final class LoglakeCli {
    /** The reactor packages the command line before the integration tests run. */
    private static final Path JAR = Path.of(System.getProperty("loglake.cli.jar", "../cli/target/loglake.jar"));

    private final Path configFile;
    private final Path workDirectory;

    /**
     * A command line for {@code stack}, with {@code overrides} (configuration keys, e.g. another raw bucket)
     * on top of its settings. Its config file, output and logs go to {@code workDirectory}.
     */
    public LoglakeCli(TestStack stack, Map<String, String> overrides, Path workDirectory) {
        requireNonNull(stack, "stack is null");
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("The command line is not built: " + JAR.toAbsolutePath()
                    + " is missing (run the integration tests through the reactor: mvn -pl integration-tests -am"
                    + " verify)");
        }
        Properties properties = new Properties();
        stack.settings().asMap().forEach((key, value) -> {
            if (!value.source().equals("default")) {
                properties.setProperty(key, value.value());
            }
        });
        properties.putAll(overrides);
        this.configFile = workDirectory.resolve("loglake-test.properties");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            properties.store(out, "Settings of a test stack, written by LoglakeCli");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code loglake <command> --config FILE <args>} ({@code command} may be a subcommand's whole name, such as
     * {@code "source add"}); stdout and stderr go to files named by {@code name}. */
    public Run start(String name, String command, String... args) {
        return start(name, List.of(), command, args);
    }

    /** The same, with options for the command's JVM, such as {@code -Xmx64m}. */
    public Run start(String name, List<String> jvmOptions, String command, String... args) {
        List<String> line = new ArrayList<>();
        // A shell without job control starts background commands with SIGINT ignored, the child inherits that,
        // and the JVM then leaves SIGINT ignored: a CI job run in the background would make Ctrl-C tests fail.
        // env (coreutils) restores the default, as an interactive terminal has it.
        line.add("env");
        line.add("--default-signal=INT");
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(jvmOptions);
        line.add("-jar");
        line.add(JAR.toAbsolutePath().toString());
        // A subcommand ("source add") takes its --config after its whole name.
        line.addAll(List.of(command.split(" ")));
        line.add("--config");
        line.add(configFile.toString());
        line.addAll(List.of(args));
        Path stdout = workDirectory.resolve(name + ".out");
        Path stderr = workDirectory.resolve(name + ".err");
        try {
            Process process = new ProcessBuilder(line)
                    .directory(workDirectory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            return new Run(process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + line, e);
        }
    }

    /** A running or finished command. */
    public record Run(Process process, Path stdoutFile, Path stderrFile) {
        /** Sends SIGINT, as Ctrl-C in a terminal does. */
        public void interrupt() {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                        .inheritIO()
                        .start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -INT " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Kills the process with SIGKILL, as the OOM killer or a lost machine would: nothing of it runs after this
         * returns (no shutdown hook, no finally).
         */
        public void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("pid " + process.pid() + " still runs a minute after SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The exit code; fails (and kills the process) if it runs longer than {@code limit}. */
        public int awaitExit(Duration limit) {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("loglake did not exit within " + limit + "; stderr: " + stderr());
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public String stdout() {
            return read(stdoutFile);
        }

        public String stderr() {
            return read(stderrFile);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
