package dev.loglake.bench;

import dev.loglake.stack.ComponentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Peak resident memory (VmHWM in /proc/PID/status) of the stack's processes and of this JVM. A component is its
 * process and its descendants (PostgreSQL forks a process per connection), summed: pages shared between them are
 * counted once per process, so PostgreSQL's figure is an upper bound. DuckDB runs inside this JVM, so the bench
 * JVM's figure includes it, along with the generator. VmHWM counts since a process started: for a stack that
 * was already running, it may include work done before the bench.
 */
final class PeakMemory {
    private PeakMemory() {}

    /** Component name (and "bench JVM") to peak bytes; 0 where /proc cannot be read. */
    static Map<String, Long> of(List<ComponentStatus> components) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        for (ComponentStatus component : components) {
            OptionalLong pid = component.pid();
            peaks.put(component.name(), pid.isPresent() ? treePeak(pid.getAsLong()) : 0L);
        }
        peaks.put(
                "bench JVM (with DuckDB in-process)",
                peakBytes(ProcessHandle.current().pid()));
        return peaks;
    }

    private static long treePeak(long pid) {
        return ProcessHandle.of(pid)
                .map(process -> peakBytes(pid)
                        + process.descendants()
                                .mapToLong(child -> peakBytes(child.pid()))
                                .sum())
                .orElse(0L);
    }

    static long peakBytes(long pid) {
        return statusField(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
    }

    /** A "Name:   123 kB" field of a /proc file, in bytes; 0 if absent. */
    static long statusField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or this is not Linux: no figure
        }
        return 0;
    }
}
