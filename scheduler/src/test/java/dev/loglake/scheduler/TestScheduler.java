package dev.loglake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.config.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's loop with test doubles for its steps and a manual clock: a real five-field cron ticks at
 * most once a minute, so the clock jumps to each tick instead of the test sleeping through it. The real
 * process (signals, the transform on a real stack) is tested in integration-tests.
 */
class TestScheduler {
    private static final Instant START = Instant.parse("2026-11-22T10:02:30Z");
    private static final CronSchedule EVERY_FIVE_MINUTES = CronSchedule.parse("*/5 * * * *", "test");

    private final ManualTime time = new ManualTime(START);
    private final RecordingLog log = new RecordingLog();
    private final AtomicReference<Scheduler> scheduler = new AtomicReference<>();

    @Test
    void twoTicksProduceTwoRunsOfEveryStepInOrder() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Step transform = step("transform", tick -> {
            calls.add("transform " + tick);
            return "loaded 1 raw day";
        });
        Step report = step("report", tick -> {
            calls.add("report " + tick);
            stopWhen(calls.size() == 4);
            return "wrote the reports";
        });

        start(List.of(transform, report));

        assertThat(calls)
                .containsExactly(
                        "transform 2026-11-22T10:05Z",
                        "report 2026-11-22T10:05Z",
                        "transform 2026-11-22T10:10Z",
                        "report 2026-11-22T10:10Z");
        assertThat(log.lines())
                .containsSubsequence(
                        "INFO Scheduler started: runs at '*/5 * * * *' (cron, UTC), steps in order: transform, report.",
                        "INFO Next run at 2026-11-22 10:05 UTC (in 2 min 30 s).",
                        "INFO Run of 2026-11-22 10:05 UTC: starting (transform, report).",
                        "INFO   transform succeeded in 0.0 s: loaded 1 raw day",
                        "INFO   report succeeded in 0.0 s: wrote the reports",
                        "INFO Run of 2026-11-22 10:05 UTC succeeded in 0.0 s.",
                        "INFO Next run at 2026-11-22 10:10 UTC (in 5 min 0 s).",
                        "INFO Run of 2026-11-22 10:10 UTC succeeded in 0.0 s.",
                        "INFO Scheduler stopped after 2 run(s), 0 of them failed.");
    }

    @Test
    void aFailedRunIsLoggedWithItsReasonAndTheNextTickRetries() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Step transform = step("transform", tick -> {
            calls.add("transform");
            time.advance(Duration.ofSeconds(3));
            if (calls.size() == 1) {
                throw new IllegalStateException("Trino at http://127.0.0.1:18080 refused the connection");
            }
            return "loaded 2 raw days: the one that failed before and a new one";
        });
        Step report = step("report", tick -> {
            calls.add("report");
            stopWhen(true);
            return "wrote the reports";
        });

        start(List.of(transform, report));

        assertThat(calls).containsExactly("transform", "transform", "report");
        assertThat(log.lines())
                .containsSubsequence(
                        "INFO Run of 2026-11-22 10:05 UTC: starting (transform, report).",
                        "WARN   transform FAILED after 3.0 s: Trino at http://127.0.0.1:18080 refused the connection",
                        "WARN Run of 2026-11-22 10:05 UTC failed in 3.0 s at step transform (skipped: report). The next"
                                + " run retries what is missing.",
                        "INFO Next run at 2026-11-22 10:10 UTC (in 4 min 57 s).",
                        "INFO   transform succeeded in 3.0 s: loaded 2 raw days: the one that failed before and a new"
                                + " one",
                        "INFO Run of 2026-11-22 10:10 UTC succeeded in 3.0 s.",
                        "INFO Scheduler stopped after 2 run(s), 1 of them failed.");
    }

    @Test
    void aStopDuringAStepLetsItFinishSkipsTheRestAndEndsTheLoop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> calls = new CopyOnWriteArrayList<>();
        Step transform = step("transform", tick -> {
            calls.add("transform");
            entered.countDown();
            await(release);
            return "loaded 1 raw day";
        });
        Step report = step("report", tick -> {
            calls.add("report");
            return "wrote the reports";
        });
        Scheduler loop = new Scheduler(EVERY_FIVE_MINUTES, List.of(transform, report), time, time, log);
        Thread thread = new Thread(loop::run, "scheduler-under-test");
        thread.start();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.runningStep()).contains("transform");

        loop.stop();
        release.countDown();

        assertThat(loop.awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(loop.isRunning()).isFalse();
        assertThat(calls).containsExactly("transform");
        assertThat(log.lines())
                .containsSubsequence(
                        "INFO   transform succeeded in 0.0 s: loaded 1 raw day",
                        "INFO Run of 2026-11-22 10:05 UTC: stop requested, skipped report.",
                        "INFO Scheduler stopped after 1 run(s), 0 of them failed.");
    }

    @Test
    void aStopWhileWaitingEndsTheLoopWithoutARun() throws Exception {
        SystemTickWaiter realWait = new SystemTickWaiter(time);
        Scheduler loop = new Scheduler(
                CronSchedule.parse("0 0 1 1 *", "test"),
                List.of(step("transform", tick -> "never")),
                time,
                realWait,
                log);
        Thread thread = new Thread(loop::run, "scheduler-under-test");
        thread.start();

        loop.stop();

        assertThat(loop.awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(log.lines()).last().isEqualTo("INFO Scheduler stopped after 0 run(s), 0 of them failed.");
    }

    @Test
    void aRunLongerThanTheIntervalSkipsTheTicksItOverlapped() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Step slow = step("transform", tick -> {
            calls.add(tick.toString());
            time.advance(Duration.ofMinutes(12));
            stopWhen(calls.size() == 2);
            return "done";
        });

        start(List.of(slow));

        assertThat(calls).containsExactly("2026-11-22T10:05Z", "2026-11-22T10:20Z");
        assertThat(log.lines())
                .contains("WARN The run of 2026-11-22 10:05 UTC lasted past the next tick (2026-11-22 10:10 UTC) and"
                        + " later ones up to now; those runs were skipped. The next run catches up on everything"
                        + " pending.");
    }

    @Test
    void aSchedulerNeedsAStepAndRunsOnce() {
        assertThatThrownBy(() -> new Scheduler(EVERY_FIVE_MINUTES, List.of(), time, time, log))
                .isInstanceOf(IllegalArgumentException.class);
        Scheduler loop = new Scheduler(EVERY_FIVE_MINUTES, List.of(step("transform", tick -> "x")), time, time, log);
        loop.stop();
        loop.run();
        assertThatThrownBy(loop::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void durationsReadLikeSentences() {
        assertThat(TimeText.duration(Duration.ofMillis(4200))).isEqualTo("4.2 s");
        assertThat(TimeText.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(TimeText.duration(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(TimeText.duration(Duration.ofHours(26))).isEqualTo("1 d 2 h");
    }

    private void start(List<Step> steps) {
        Scheduler loop = new Scheduler(EVERY_FIVE_MINUTES, steps, time, time, log);
        scheduler.set(loop);
        loop.run();
    }

    /** A step double ends the test's loop this way, from inside a run, as a stop signal would. */
    private void stopWhen(boolean condition) {
        if (condition) {
            scheduler.get().stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Step step(String name, Function<ZonedDateTime, String> work) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(ZonedDateTime tick) {
                return work.apply(tick);
            }
        };
    }
}
