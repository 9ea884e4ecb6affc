package dev.loglake.scheduler;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.CronSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The loop behind {@code loglake schedule}: wait for the next time the cron expression matches, run the steps
 * in order, log what happened, repeat until {@link #stop()}.
 *
 * <p>A failed step ends its run (later steps read what it writes) and the loop goes on: the next run starts
 * from scratch, and because every step works out for itself what is missing (the transform loads every raw
 * day the ledger does not mark complete), it retries whatever the failed run left undone.
 *
 * <p>Time comes from a {@link Clock} and waiting from a {@link TickWaiter}, so the loop's logic is pure: tests
 * move a manual clock instead of sleeping through minutes of real cron ticks.
 */
public final class Scheduler {
    private final CronSchedule schedule;
    private final List<Step> steps;
    private final Clock clock;
    private final TickWaiter waiter;
    private final ScheduleLog log;

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Optional<String> runningStep = Optional.empty();
    private int runs;
    private int failedRuns;

    public Scheduler(CronSchedule schedule, List<Step> steps, Clock clock, TickWaiter waiter, ScheduleLog log) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.steps = List.copyOf(steps);
        this.clock = requireNonNull(clock, "clock is null");
        this.waiter = requireNonNull(waiter, "waiter is null");
        this.log = requireNonNull(log, "log is null");
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("A schedule needs at least one step");
        }
    }

    /** Runs until {@link #stop()} is called (from another thread, or by a step); can be called once. */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This scheduler has run already");
        }
        try {
            log.info(String.format(
                    "Scheduler started: runs at '%s' (cron, UTC), steps in order: %s.", schedule, stepNames(steps)));
            ZonedDateTime previous = null;
            while (!stopRequested) {
                ZonedDateTime now = now();
                ZonedDateTime tick = schedule.nextAfter(now);
                if (previous != null) {
                    logMissedTicks(previous, now);
                }
                log.info(String.format(
                        "Next run at %s (in %s).",
                        TimeText.tick(tick), TimeText.duration(Duration.between(now, tick))));
                if (!awaitTick(tick)) {
                    break;
                }
                runOnce(tick);
                previous = tick;
            }
            log.info(String.format("Scheduler stopped after %d run(s), %d of them failed.", runs, failedRuns));
        } finally {
            finished.countDown();
        }
    }

    /** Asks the loop to stop: a wait ends at once; a running step is let finish, and the run's later steps are skipped. */
    public void stop() {
        stopRequested = true;
        waiter.wakeUp();
    }

    /** Waits up to {@code timeout} for {@link #run()} to return; true if it did. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether {@link #run()} started and has not returned. */
    public boolean isRunning() {
        return started.get() && finished.getCount() > 0;
    }

    /** The step running now, if any. */
    public Optional<String> runningStep() {
        return runningStep;
    }

    private boolean awaitTick(ZonedDateTime tick) {
        Instant deadline = tick.toInstant();
        while (!stopRequested && clock.instant().isBefore(deadline)) {
            try {
                waiter.awaitUntil(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
            }
        }
        return !stopRequested;
    }

    private void runOnce(ZonedDateTime tick) {
        runs++;
        Instant runStart = clock.instant();
        String run = "Run of " + TimeText.tick(tick);
        log.info(String.format("%s: starting (%s).", run, stepNames(steps)));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (stopRequested) {
                log.info(String.format(
                        "%s: stop requested, skipped %s.", run, stepNames(steps.subList(i, steps.size()))));
                return;
            }
            Instant stepStart = clock.instant();
            runningStep = Optional.of(step.name());
            try {
                String summary = step.run(tick);
                log.info(String.format("  %s succeeded in %s: %s", step.name(), since(stepStart), summary));
            } catch (RuntimeException e) {
                failedRuns++;
                log.warn(String.format("  %s FAILED after %s: %s", step.name(), since(stepStart), reason(e)));
                List<Step> skipped = steps.subList(i + 1, steps.size());
                log.warn(String.format(
                        "%s failed in %s at step %s%s. The next run retries what is missing.",
                        run,
                        since(runStart),
                        step.name(),
                        skipped.isEmpty() ? "" : " (skipped: " + stepNames(skipped) + ")"));
                return;
            } finally {
                runningStep = Optional.empty();
            }
        }
        log.info(String.format("%s succeeded in %s.", run, since(runStart)));
    }

    /** A run that outlasted the interval makes the loop skip the ticks it overlapped; say so. */
    private void logMissedTicks(ZonedDateTime previous, ZonedDateTime now) {
        ZonedDateTime missed = schedule.nextAfter(previous);
        if (missed.isBefore(now)) {
            log.warn(String.format(
                    "The run of %s lasted past the next tick (%s) and later ones up to now; those runs were skipped."
                            + " The next run catches up on everything pending.",
                    TimeText.tick(previous), TimeText.tick(missed)));
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private String since(Instant start) {
        return TimeText.duration(Duration.between(start, clock.instant()));
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String stepNames(List<Step> steps) {
        return steps.stream().map(Step::name).collect(Collectors.joining(", "));
    }
}
