package dev.loglake.cli.schedule;

import dev.loglake.scheduler.Scheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the scheduler cleanly on SIGTERM (Kubernetes, systemd) and SIGINT (Ctrl-C): the JVM runs shutdown
 * hooks for both. The hook ends the wait for the next tick, lets the running step finish (up to the stop
 * timeout), and exits with code 0 once the loop logged that it stopped (1 if a step had to be cut off).
 * It must halt with that code itself: a JVM ended by a signal otherwise exits with 128 + the signal number.
 */
final class StopOnSignal {
    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);

    private StopOnSignal() {}

    static Thread install(Scheduler scheduler, Duration stopTimeout) {
        Thread hook = new Thread(() -> stop(scheduler, stopTimeout), "loglake-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void uninstall(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it decides the exit code
        }
    }

    private static void stop(Scheduler scheduler, Duration stopTimeout) {
        if (!scheduler.isRunning()) {
            return; // the loop ended by itself (a fatal error): keep the exit code it chose
        }
        String step = scheduler.runningStep().orElse("");
        log.info(
                step.isEmpty()
                        ? "Stop signal received; stopping."
                        : "Stop signal received; waiting up to " + stopTimeout.toSeconds() + " s for step '" + step
                                + "' to finish (the run's later steps are skipped).");
        scheduler.stop();
        boolean stopped;
        try {
            stopped = scheduler.awaitStopped(stopTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            log.warn(
                    "Step '{}' did not finish within {} s; exiting anyway. Nothing is lost: the next run redoes it"
                            + " (a day the transform did not mark complete is loaded again).",
                    scheduler.runningStep().orElse(step),
                    stopTimeout.toSeconds());
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(stopped ? 0 : 1);
    }
}
