package dev.loglake.core.lease;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A writer lease this process holds. A daemon thread renews it three times per expiry, so that it lapses only if
 * the process stops (killed, or cut off from S3 for a whole expiry). The holder asks {@link #checkHeld()} before
 * each write; {@link #close()} gives the lease up.
 */
public final class HeldLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeldLease.class);

    private final LeaseObjects objects;
    private final ScheduledExecutorService renewals;
    private LeaseHolder holder;
    private long generation;
    /** System.nanoTime() before the request that wrote the current generation: the lease counts from there. */
    private volatile long renewedNanos;
    /** Why the lease is no longer ours, or null while it is. */
    private volatile String lost;

    private boolean closed;

    HeldLease(LeaseObjects objects, long generation, LeaseHolder holder, long renewedNanos) {
        this.objects = requireNonNull(objects, "objects is null");
        this.holder = requireNonNull(holder, "holder is null");
        this.generation = generation;
        this.renewedNanos = renewedNanos;
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "writer-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, holder.expiry().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    public LeaseHolder holder() {
        return holder;
    }

    /**
     * Fails if the lease is no longer this process's: another run took it over, or it could not be renewed for a
     * whole expiry (a waiter may have taken it over since). Called before each write.
     */
    public void checkHeld() {
        if (lost == null && System.nanoTime() - renewedNanos >= holder.expiry().toNanos()) {
            lost = "it was not renewed for " + holder.expiry().toSeconds() + " s";
        }
        if (lost != null) {
            throw LoglakeException.external(
                    "Run %s lost the lake's writer lease (%s): %s. It stopped before its next write, so another"
                            + " run may be writing the lake now; run the transform again once that one has finished.",
                    holder.runId(), objects.location(), lost);
        }
    }

    /** Gives the lease up: the next run takes it at once instead of waiting for it to lapse. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        renewals.shutdownNow();
        if (lost != null) {
            return;
        }
        try {
            if (objects.create(generation + 1, holder.releasedAt(Instant.now()))) {
                objects.deleteBelow(generation + 1);
            }
        } catch (LoglakeException | SdkException e) {
            log.warn(
                    "Could not give up the writer lease {}; it lapses {} s after its last renewal: {}",
                    objects.location(),
                    holder.expiry().toSeconds(),
                    e.getMessage());
        }
    }

    /**
     * Writes the next generation. If another run created it first, that run took the lease over: this one has
     * lost it. A failed request is tried again at the next renewal, until the lease would have lapsed.
     */
    private synchronized void renew() {
        if (closed || lost != null) {
            return;
        }
        long started = System.nanoTime();
        LeaseHolder renewed = holder.renewedAt(Instant.now());
        try {
            if (objects.create(generation + 1, renewed)) {
                generation++;
                holder = renewed;
                renewedNanos = started;
                objects.deleteBelow(generation);
            } else {
                lost = objects.latest()
                        .map(latest -> "taken over by " + latest.holder().describe())
                        .orElse("another run wrote its next generation");
                log.error("The writer lease {} is lost: {}", objects.location(), lost);
            }
        } catch (LoglakeException | SdkException e) {
            Duration since = Duration.ofNanos(System.nanoTime() - renewedNanos);
            log.warn(
                    "Could not renew the writer lease {} ({} s since the last renewal, it lapses after {} s): {}",
                    objects.location(),
                    since.toSeconds(),
                    holder.expiry().toSeconds(),
                    e.getMessage());
        }
    }
}
