package dev.loglake.core.lease;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The lease that makes one run at a time the writer of a lake: a set of objects under {@code _loglake/leases/} in
 * the warehouse bucket (see {@link LeaseObjects}), so it needs nothing but the S3 rights the transforms have.
 *
 * <p>A run takes a free or released lease at once. While another run holds it, the run waits up to
 * {@code lease.wait-seconds} and then fails naming the holder. A lease that nobody renews lapses: a waiter takes
 * it over once it has seen the same generation for a whole expiry by its own clock (which needs no agreement
 * between the hosts' clocks), or at once when the holder's own renewal time is more than two expiries old (a run
 * killed long ago; tolerates a clock difference of one expiry).
 */
public final class WriterLease {
    private static final Logger log = LoggerFactory.getLogger(WriterLease.class);

    private WriterLease() {}

    /** Where a lake's lease lives in its warehouse bucket: one lease per lake (bucket and schema prefix). */
    public static String prefix(LakeConfig lake) {
        return "_loglake/leases/" + lake.schemaPrefix() + "writer/";
    }

    /** Takes the lake's writer lease for this run, waiting for it as the configuration says. */
    public static HeldLease acquire(S3Client s3, LakeConfig lake, LeaseConfig config, String runId) {
        LeaseObjects objects = new LeaseObjects(s3, lake.warehouseBucket(), prefix(lake));
        Instant now = Instant.now();
        LeaseHolder mine = new LeaseHolder(runId, host(), now, now, config.expiry(), false);
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        Sighting sighting = null;
        String announced = null;
        while (true) {
            Optional<LeaseObjects.Generation> latest = objects.latest();
            if (latest.isEmpty() || latest.get().holder().released() || lapsed(latest.get(), sighting)) {
                long number = latest.map(generation -> generation.number() + 1).orElse(1L);
                long attempt = System.nanoTime();
                if (objects.create(number, mine)) {
                    objects.requireConditionalWrites(number, mine);
                    latest.filter(generation -> !generation.holder().released())
                            .ifPresent(generation -> log.warn(
                                    "Took over the lake's writer lease {}, which its holder did not renew: {}",
                                    objects.location(),
                                    generation.holder().describe()));
                    objects.deleteBelow(number);
                    return new HeldLease(objects, number, mine, attempt);
                }
                continue; // another run created that generation first: look again
            }
            LeaseObjects.Generation current = latest.get();
            if (sighting == null || sighting.number() != current.number()) {
                sighting = new Sighting(current.number(), System.nanoTime());
            }
            // Once per holder: its renewals write a new generation every third of an expiry.
            if (!current.holder().runId().equals(announced)) {
                announced = current.holder().runId();
                log.info(
                        "Waiting up to {} s for the lake's writer lease {}, held by {}",
                        config.maxWait().toSeconds(),
                        objects.location(),
                        current.holder().describe());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw held(current.holder(), config, objects);
            }
            pause(Math.min(remaining, pollNanos(current.holder())));
        }
    }

    /** A generation this run saw, and when it first saw it (System.nanoTime()). */
    private record Sighting(long number, long firstSeenNanos) {}

    private static boolean lapsed(LeaseObjects.Generation generation, Sighting sighting) {
        Duration expiry = generation.holder().expiry();
        boolean unchangedForAnExpiry = sighting != null
                && sighting.number() == generation.number()
                && System.nanoTime() - sighting.firstSeenNanos() >= expiry.toNanos();
        boolean renewedLongAgo =
                generation.holder().renewed().plus(expiry.multipliedBy(2)).isBefore(Instant.now());
        return unchangedForAnExpiry || renewedLongAgo;
    }

    /** Looks again four times per expiry, at most once a second: a released lease is taken within a second. */
    private static long pollNanos(LeaseHolder holder) {
        return Math.min(Duration.ofSeconds(1).toNanos(), holder.expiry().toNanos() / 4);
    }

    private static LoglakeException held(LeaseHolder holder, LeaseConfig config, LeaseObjects objects) {
        return LoglakeException.external(
                "Another transform is writing this lake: its writer lease (%s) is held by %s. Waited %d s (%s)."
                        + " Run again when that run has finished; the lease of a run that was killed lapses %d s after"
                        + " its last renewal.",
                objects.location(),
                holder.describe(),
                config.maxWait().toSeconds(),
                LeaseConfig.WAIT_SECONDS,
                holder.expiry().toSeconds());
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(Math.max(nanos, 1_000_000)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while waiting for the lake's writer lease", e);
        }
    }

    /** The host name and process id: enough to find the holder (a pod's name is its host name). */
    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("an unknown host");
        }
        return name + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
