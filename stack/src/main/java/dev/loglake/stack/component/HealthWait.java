package dev.loglake.stack.component;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a component's health check with a deadline, and fails early, with the log's last lines, when
 * its process dies. Polling is the only way to learn when another process is ready.
 */
final class HealthWait {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private HealthWait() {}

    static void until(Component component, Duration timeout, BooleanSupplier healthy) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthy.getAsBoolean()) {
                return;
            }
            if (component.process().isEmpty()) {
                throw StartFailure.of(component, "its process exited during start-up");
            }
            pause();
        }
        throw StartFailure.of(component, "it was not healthy within " + timeout.toSeconds() + " s");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while waiting for the stack to start", e);
        }
    }
}
