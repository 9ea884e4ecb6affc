package dev.loglake.it.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, with exactly the given environment, and returns its exit code and output. */
final class Shell {
    private Shell() {}

    record Result(int exitCode, String output) {
        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // The output is read to its end first: a process blocked on a full pipe would never exit.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within " + timeout + ":\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** A tool of this machine (openssl, psql) with the PATH it was found on. */
    static Result tool(Path directory, String... command) {
        return run(List.of(command), Map.of("PATH", System.getenv("PATH")), directory, Duration.ofMinutes(1));
    }
}
