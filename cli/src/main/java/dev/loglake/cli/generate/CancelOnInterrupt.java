package dev.loglake.cli.generate;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT, or a SIGTERM) during a run: asks the run to stop and keeps the JVM alive while it winds
 * down (uploads in flight aborted, no hour marked complete that is not). The JVM would then end the process
 * with its own status (130 for SIGINT) as soon as this hook returns, possibly before the run has said which
 * hours are incomplete; so the run's thread reports and ends the process itself with {@link #halt}.
 */
final class CancelOnInterrupt implements AutoCloseable {
    /** The documented exit code of a run that failed or was interrupted (see ErrorReporter). */
    static final int RUNTIME_FAILURE = 1;

    private static final long WIND_DOWN_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Thread hook;

    private CancelOnInterrupt(Runnable cancel) {
        this.hook = new Thread(
                () -> {
                    requested.set(true);
                    cancel.run();
                    awaitQuietly(finished);
                },
                "cancel-on-interrupt");
    }

    static CancelOnInterrupt install(Runnable cancel) {
        CancelOnInterrupt interrupt = new CancelOnInterrupt(cancel);
        Runtime.getRuntime().addShutdownHook(interrupt.hook);
        return interrupt;
    }

    /**
     * After an interrupt only: prints the outcome and ends the process with {@code exitCode} at once. The
     * shutdown hooks are already running, so {@code System.exit} would block; {@code halt} does not.
     */
    void haltIfInterrupted(PrintStream out, String message, int exitCode) {
        if (!requested.get()) {
            return;
        }
        out.println(message);
        out.flush();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (an interrupt): the hook is running and ends now.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
