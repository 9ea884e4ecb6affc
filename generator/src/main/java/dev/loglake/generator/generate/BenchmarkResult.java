package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * What {@code loglake generate --benchmark} measured in one run on one machine: three stages, each with its
 * wall-clock rate and its CPU time per event, and whether the speed goal of the generator is met.
 *
 * @param encode generating events and writing their lines, without compressing or storing
 * @param compression compressing the same lines with the same codec and level on the same threads: the
 *     fastest an end-to-end run can be on this machine
 * @param endToEnd generating, compressing and uploading to the object store; its server CPU is the S3
 *     server's, when it runs here
 * @param codec "gzip level 1", for the report
 */
public record BenchmarkResult(
        Stage encode,
        Stage compression,
        Stage endToEnd,
        double rawMegabytesPerSecond,
        int threads,
        int cores,
        String codec,
        Optional<Long> serverPid) {
    /** The goal of issue 3: on 2 cores, combined format with gzip. */
    public static final double GOAL_EVENTS_PER_SECOND = 500_000;

    public static final double GOAL_SHARE_OF_LIMIT = 0.75;

    public BenchmarkResult {
        requireNonNull(encode, "encode is null");
        requireNonNull(compression, "compression is null");
        requireNonNull(endToEnd, "endToEnd is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(serverPid, "serverPid is null");
    }

    /**
     * One stage.
     *
     * @param cpuNanos CPU time of this JVM over the stage, all threads
     * @param serverCpuNanos CPU time of the S3 server over the stage, or -1 if unknown or not involved
     */
    public record Stage(long events, long wallNanos, long cpuNanos, long serverCpuNanos) {
        public double eventsPerSecond() {
            return events / (wallNanos / 1e9);
        }

        /** CPU seconds per million events, this JVM and the server together (when the server is known). */
        public double cpuSecondsPerMillion() {
            return (cpuNanos + Math.max(0, serverCpuNanos)) / 1e3 / events;
        }

        double secondsPerMillion(long nanos) {
            return nanos / 1e3 / events;
        }

        /** The rate if the stage had every core to itself: cores divided by CPU time per event. */
        public double cpuBoundEventsPerSecond(int cores) {
            return cores * 1e6 / cpuSecondsPerMillion();
        }

        /** The share of the machine's cores this JVM used during the stage. */
        double machineShare(long nanos, int cores) {
            return nanos / (double) wallNanos / cores;
        }
    }

    public double ratio() {
        return endToEnd.eventsPerSecond() / compression.eventsPerSecond();
    }

    /** The same ratio from CPU time: what it would be with the cores to ourselves, all else equal. */
    public double cpuBoundRatio() {
        return compression.cpuSecondsPerMillion() / endToEnd.cpuSecondsPerMillion();
    }

    public boolean goalMet() {
        return endToEnd.eventsPerSecond() >= GOAL_EVENTS_PER_SECOND && ratio() >= GOAL_SHARE_OF_LIMIT;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(format("%s, %d threads on %d cores%n", codec, threads, cores));
        out.append(format("%-34s %12s  %s%n", "", "events/s", "CPU s per million events"));
        out.append(format(
                "%-34s %,12.0f  %.2f%n",
                "generate + encode only", encode.eventsPerSecond(), encode.cpuSecondsPerMillion()));
        out.append(format(
                "%-34s %,12.0f  %.2f  (%,.0f MB/s of raw lines)%n",
                "compression limit (same codec)",
                compression.eventsPerSecond(),
                compression.cpuSecondsPerMillion(),
                rawMegabytesPerSecond));
        out.append(format(
                "%-34s %,12.0f  %.2f = %.2f generator + %s%n",
                "end to end into the object store",
                endToEnd.eventsPerSecond(),
                endToEnd.cpuSecondsPerMillion(),
                endToEnd.secondsPerMillion(endToEnd.cpuNanos()),
                serverPart()));
        out.append(format("%-34s %11.0f%%%n", "end to end / compression limit", 100 * ratio()));
        out.append(format(
                "end to end used %.0f%% of the %d cores (generator %.0f%%%s); the rest went to other processes or"
                        + " waiting%n",
                100 * endToEnd.machineShare(endToEnd.cpuNanos() + Math.max(0, endToEnd.serverCpuNanos()), cores),
                cores,
                100 * endToEnd.machineShare(endToEnd.cpuNanos(), cores),
                endToEnd.serverCpuNanos() < 0
                        ? ""
                        : format(", S3 server %.0f%%", 100 * endToEnd.machineShare(endToEnd.serverCpuNanos(), cores))));
        out.append(format(
                "goal: end to end >= %,.0f events/s and >= %.0f%% of the compression limit: %s%n",
                GOAL_EVENTS_PER_SECOND, 100 * GOAL_SHARE_OF_LIMIT, goalMet() ? "MET" : "NOT MET"));
        out.append(format(
                "      from CPU time, with the %d cores to itself: %,.0f events/s (%s), %.0f%% of the limit (%s)%n",
                cores,
                endToEnd.cpuBoundEventsPerSecond(cores),
                endToEnd.cpuBoundEventsPerSecond(cores) >= GOAL_EVENTS_PER_SECOND ? "met" : "not met",
                100 * cpuBoundRatio(),
                cpuBoundRatio() >= GOAL_SHARE_OF_LIMIT ? "met" : "not met"));
        return out.toString();
    }

    private String serverPart() {
        if (endToEnd.serverCpuNanos() < 0) {
            return "S3 server (unknown: not the local stack's)";
        }
        return format(
                "%.2f S3 server (pid %d)",
                endToEnd.secondsPerMillion(endToEnd.serverCpuNanos()), serverPid.orElse(-1L));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
