package dev.loglake.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when the scheduler waits: each wait jumps straight to its deadline. */
final class ManualTime extends Clock implements TickWaiter {
    private volatile Instant now;

    ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public void awaitUntil(Instant deadline) {
        if (deadline.isAfter(now)) {
            now = deadline;
        }
    }

    @Override
    public void wakeUp() {}

    void advance(java.time.Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduler works in UTC");
    }
}
