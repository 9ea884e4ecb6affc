package dev.loglake.generator.generate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used so far by this JVM (every thread: workers, JIT compilers, garbage collector) and, when it is
 * known, by the object-store server. Benchmarks report it beside wall-clock rates because on a shared
 * machine CPU time per event stays put while wall-clock rates follow whatever else is running.
 */
public final class CpuClock {
    private final Optional<ProcessHandle> server;

    /** @param server the S3 server process (the local stack's s3proxy), when it runs on this machine */
    public CpuClock(Optional<ProcessHandle> server) {
        this.server = server;
    }

    public long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The server's CPU time so far, or -1 if the server is unknown or its CPU time cannot be read. */
    public long serverNanos() {
        return server.flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    public Optional<Long> serverPid() {
        return server.map(ProcessHandle::pid);
    }
}
