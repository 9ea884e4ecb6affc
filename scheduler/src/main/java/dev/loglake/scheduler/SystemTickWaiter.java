package dev.loglake.scheduler;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits on the real clock, re-reading it at least every minute in case the wall clock jumps (NTP, suspend). */
public final class SystemTickWaiter implements TickWaiter {
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final Clock clock;
    private boolean wokenUp;

    public SystemTickWaiter(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized void awaitUntil(Instant deadline) throws InterruptedException {
        while (!wokenUp) {
            long millis = Duration.between(clock.instant(), deadline).toMillis();
            if (millis <= 0) {
                return;
            }
            wait(Math.min(millis, LONGEST_WAIT.toMillis()));
        }
    }

    @Override
    public synchronized void wakeUp() {
        wokenUp = true;
        notifyAll();
    }
}
