package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/** What {@code loglake stack status} reports for one component. */
public record ComponentStatus(String name, int port, OptionalLong pid, boolean healthy, long residentBytes) {
    public ComponentStatus {
        requireNonNull(name, "name is null");
        requireNonNull(pid, "pid is null");
    }

    public boolean running() {
        return pid.isPresent();
    }
}
