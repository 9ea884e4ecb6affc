package dev.loglake.stack.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The pid file and log file of one component of the stack. */
public record ProcessFiles(Path pidFile, Path logFile) {
    public ProcessFiles {
        requireNonNull(pidFile, "pidFile is null");
        requireNonNull(logFile, "logFile is null");
    }

    public OptionalLong readPid() {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                    .findFirst()
                    .orElse("")
                    .trim();
            return firstLine.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live process recorded in the pid file, if it is still running. */
    public Optional<ProcessHandle> liveProcess() {
        OptionalLong pid = readPid();
        return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive) : Optional.empty();
    }

    public void writePid(long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deletePid() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code count} lines of the log, for error messages. */
    public List<String> logTail(int count) {
        if (!Files.isRegularFile(logFile)) {
            return List.of("(no log file at " + logFile + ")");
        }
        Deque<String> tail = new ArrayDeque<>();
        try (var lines = Files.lines(logFile, StandardCharsets.ISO_8859_1)) {
            lines.forEach(line -> {
                tail.addLast(line);
                if (tail.size() > count) {
                    tail.removeFirst();
                }
            });
        } catch (IOException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
        return List.copyOf(tail);
    }
}
