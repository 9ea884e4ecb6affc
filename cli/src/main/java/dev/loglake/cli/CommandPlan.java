package dev.loglake.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a command would do with its arguments and configuration, worked out exactly as a run works it out (the same
 * parsing, defaults, relative dates and configuration checks) but without touching Trino or S3. The deployment
 * tests run each CronJob's arguments and environment through {@link Loglake#plan}, so a job that would exit with a
 * usage error every night fails a test instead.
 *
 * @param summary one line per unit of work, e.g. "report day 2026-12-06"
 * @param localOutputs folders the run writes into, as the command resolves them (relative to the working directory
 *     when relative)
 */
public record CommandPlan(List<String> summary, List<Path> localOutputs) {
    public CommandPlan {
        summary = List.copyOf(requireNonNull(summary, "summary is null"));
        localOutputs = List.copyOf(requireNonNull(localOutputs, "localOutputs is null"));
        if (summary.isEmpty()) {
            throw new IllegalArgumentException("A command plan needs at least one line of summary");
        }
    }

    /** A command that can plan its run; {@link Loglake#plan} gives it the clock and the environment to plan with. */
    public interface Plannable {
        CommandPlan plan(java.time.Clock clock);
    }
}
