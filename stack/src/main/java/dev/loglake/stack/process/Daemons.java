package dev.loglake.stack.process;

import dev.loglake.core.LoglakeException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the stack's server processes. Servers run in their own session ({@code setsid}), so
 * that they outlive the {@code loglake} command that started them and a Ctrl-C in its terminal does not
 * reach them.
 */
public final class Daemons {
    private Daemons() {}

    /** Starts {@code command} detached, with stdout and stderr appended to the log file; records its pid. */
    public static ProcessHandle start(
            List<String> command, Path workingDirectory, Map<String, String> environment, ProcessFiles files) {
        return start(command, workingDirectory, environment, files, true);
    }

    /**
     * The same with {@code environment} as the whole environment, as a container gets it: none of the variables of
     * the shell that ran {@code stack up} reaches the server.
     */
    public static ProcessHandle startIsolated(
            List<String> command, Path workingDirectory, Map<String, String> environment, ProcessFiles files) {
        return start(command, workingDirectory, environment, files, false);
    }

    private static ProcessHandle start(
            List<String> command,
            Path workingDirectory,
            Map<String, String> environment,
            ProcessFiles files,
            boolean inherit) {
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.logFile().toFile()))
                .redirectErrorStream(true);
        if (!inherit) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(files.logFile().getParent());
            Process process = builder.start();
            // setsid execs the command in place (the child is not a group leader), so the pid is the server's.
            files.writePid(process.pid());
            return process.toHandle();
        } catch (IOException e) {
            throw LoglakeException.external("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion and returns its output; fails with that output if it fails. */
    public static String run(List<String> command, Path workingDirectory, Duration timeout) {
        return run(command, workingDirectory, Map.of(), timeout);
    }

    public static String run(
            List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw LoglakeException.external("%s did not finish within %s", command.get(0), timeout);
            }
            if (process.exitValue() != 0) {
                throw LoglakeException.external(
                        "%s failed with exit code %d:%n%s", String.join(" ", command), process.exitValue(), output);
            }
            return output;
        } catch (IOException e) {
            throw LoglakeException.external("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Asks the process to stop (SIGTERM), waits for it, and kills it (SIGKILL) only if it ignores that.
     *
     * @return true when the process had to be killed
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still alive after the grace period: kill it below
        }
        process.destroyForcibly();
        process.onExit().join();
        return true;
    }

    /** Resident memory of a process in bytes, from /proc; 0 when unknown. */
    public static long residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The process and all its descendants' resident memory. */
    public static long treeResidentBytes(ProcessHandle process) {
        return residentBytes(process.pid())
                + process.descendants()
                        .mapToLong(child -> residentBytes(child.pid()))
                        .sum();
    }
}
