package dev.loglake.it.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.lease.HeldLease;
import dev.loglake.core.lease.WriterLease;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The writer lease against the local stack's S3 server (s3proxy 4.1.0, filesystem-nio2): runs that race for it
 * at the same instant, runs that wait for each other, and a holder killed with SIGKILL. Every wait here is on a
 * condition (a barrier, a latch, a line from the holder process); the lease's own polling is the code under test.
 */
@ExtendWith(LocalStackExtension.class)
class TestWriterLease {
    private static final int CONTENDERS = 6;
    private static final int ROUNDS = 15;

    @Test
    void ofRunsRacingForAFreeLeaseExactlyOneGetsItAndTheOthersNameIt(TestStack stack) throws Exception {
        LakeConfig lake = lake(stack, "it_lease_race_");
        LeaseConfig noWait = new LeaseConfig(Duration.ZERO, Duration.ofSeconds(30));
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        try (S3Client s3 = stack.newS3Client()) {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(CONTENDERS);
                CountDownLatch everyoneTried = new CountDownLatch(CONTENDERS);
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int contender = 0; contender < CONTENDERS; contender++) {
                    String runId = "round-" + round + "-run-" + contender;
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        try {
                            HeldLease lease = WriterLease.acquire(s3, lake, noWait, runId);
                            everyoneTried.countDown();
                            // The winner keeps the lease until every contender has had its answer.
                            everyoneTried.await();
                            lease.close();
                            return new Outcome(runId, null);
                        } catch (LoglakeException e) {
                            everyoneTried.countDown();
                            return new Outcome(runId, e.getMessage());
                        }
                    }));
                }
                List<Outcome> results = new ArrayList<>();
                for (Future<Outcome> outcome : outcomes) {
                    results.add(outcome.get(2, TimeUnit.MINUTES));
                }
                List<String> winners = results.stream()
                        .filter(outcome -> outcome.failure() == null)
                        .map(Outcome::runId)
                        .toList();
                assertThat(winners).as("holders in round " + round).hasSize(1);
                assertThat(results)
                        .filteredOn(outcome -> outcome.failure() != null)
                        .hasSize(CONTENDERS - 1)
                        .allSatisfy(outcome -> assertThat(outcome.failure())
                                .contains("Another transform is writing this lake")
                                .contains("held by run " + winners.get(0) + " on host ")
                                .contains(" since ")
                                .contains("Waited 0 s (lease.wait-seconds)"));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void runsThatWaitGetTheLeaseOneAfterAnother(TestStack stack) throws Exception {
        LakeConfig lake = lake(stack, "it_lease_queue_");
        LeaseConfig patient = new LeaseConfig(Duration.ofMinutes(2), Duration.ofSeconds(30));
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(CONTENDERS);
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        try (S3Client s3 = stack.newS3Client()) {
            List<Future<String>> runs = new ArrayList<>();
            for (int contender = 0; contender < CONTENDERS; contender++) {
                String runId = "queued-run-" + contender;
                runs.add(threads.submit(() -> {
                    allAsking.countDown();
                    try (HeldLease lease = WriterLease.acquire(s3, lake, patient, runId)) {
                        mostAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        // Hold on until every run has asked, so that the others really wait for this one.
                        allAsking.await();
                        lease.checkHeld();
                        holders.decrementAndGet();
                    }
                    return runId;
                }));
            }
            for (Future<String> run : runs) {
                assertThat(run.get(3, TimeUnit.MINUTES)).startsWith("queued-run-");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mostAtOnce.get())
                .as("runs holding the lease at the same time")
                .isEqualTo(1);
    }

    @Test
    void aLiveHolderKeepsItsLeaseAndAKilledHoldersLeaseIsTakenOver(TestStack stack) throws Exception {
        String prefix = "it_lease_killed_";
        LakeConfig lake = lake(stack, prefix);
        Duration expiry = Duration.ofSeconds(4);
        Process holder = startHolder(stack, prefix, expiry, "holder-to-kill");
        try (S3Client s3 = stack.newS3Client()) {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.startsWith(LeaseHolderProcess.HELD)) {
                // the holder's log lines
            }
            assertThat(line)
                    .as("the holder process's announcement")
                    .isEqualTo(LeaseHolderProcess.HELD + "holder-to-kill");
            drain(output);

            // Three expiries of waiting: without its renewals the lease would lapse and be taken over.
            long waitStarted = System.nanoTime();
            assertThatThrownBy(() -> WriterLease.acquire(
                            s3, lake, new LeaseConfig(expiry.multipliedBy(3), expiry), "waiter-of-a-live-holder"))
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("held by run holder-to-kill on host ")
                    .hasMessageContaining("(pid " + holder.pid() + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - waitStarted))
                    .isGreaterThanOrEqualTo(expiry.multipliedBy(3));

            holder.destroyForcibly();
            holder.onExit().get(1, TimeUnit.MINUTES);
            long killed = System.nanoTime();
            try (HeldLease taken =
                    WriterLease.acquire(s3, lake, new LeaseConfig(Duration.ofMinutes(1), expiry), "successor")) {
                assertThat(taken.holder().runId()).isEqualTo("successor");
                taken.checkHeld();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - killed))
                    .as("a killed holder's lease lapses one expiry after its last renewal, not sooner")
                    .isGreaterThanOrEqualTo(expiry.minusSeconds(1));
        } finally {
            holder.destroyForcibly();
        }
    }

    private static Process startHolder(TestStack stack, String prefix, Duration expiry, String runId) throws Exception {
        S3Config s3 = stack.s3Config();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                LeaseHolderProcess.class.getName(),
                runId));
        Map.of(
                        S3Config.ENDPOINT, s3.endpoint().orElseThrow().toString(),
                        S3Config.ACCESS_KEY, s3.accessKey().orElseThrow(),
                        S3Config.SECRET_KEY, s3.secretKey().orElseThrow(),
                        S3Config.PATH_STYLE_ACCESS, "true",
                        LakeConfig.WAREHOUSE_BUCKET, stack.lake().warehouseBucket(),
                        LakeConfig.SCHEMA_PREFIX, prefix,
                        LeaseConfig.EXPIRY_SECONDS, Long.toString(expiry.toSeconds()))
                .forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the rest of the holder's output, so that its logging never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private static LakeConfig lake(TestStack stack, String prefix) {
        LakeConfig shared = stack.lake();
        return new LakeConfig(shared.rawBucket(), shared.warehouseBucket(), shared.reportsBucket(), prefix);
    }

    private record Outcome(String runId, String failure) {}
}
