package dev.loglake.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the scheduler's log lines, prefixed with their level, for assertions. */
final class RecordingLog implements ScheduleLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
