package dev.loglake.scheduler;

import java.time.Instant;

/**
 * Waits for the next tick. The scheduler never sleeps by itself: tests give it a waiter that moves a manual
 * clock to the deadline at once, so that a day of ticks runs in milliseconds and without sleeps.
 */
public interface TickWaiter {
    /** Returns once the clock reached {@code deadline}, or early after {@link #wakeUp}; may return early. */
    void awaitUntil(Instant deadline) throws InterruptedException;

    /** Ends the current and every later wait at once: the scheduler is stopping. */
    void wakeUp();
}
