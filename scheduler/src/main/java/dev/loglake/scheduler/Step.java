package dev.loglake.scheduler;

import java.time.ZonedDateTime;

/**
 * One step of a scheduled run, such as "transform the newly arrived days" or "write the reports". A run
 * executes its steps in order and stops at the first that fails: later steps read what earlier ones wrote.
 */
public interface Step {
    /** A short name for the log, such as {@code transform}. */
    String name();

    /**
     * Does the step's work for the run due at {@code tick} (UTC).
     *
     * @return what the step did, in one sentence for the log
     * @throws RuntimeException when the step failed; the message is logged as the reason
     */
    String run(ZonedDateTime tick);
}
