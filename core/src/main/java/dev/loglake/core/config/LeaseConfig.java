package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.util.List;

/**
 * The lake's writer lease: one transform at a time writes a lake.
 *
 * @param maxWait how long a run waits for another run's lease before it gives up and exits naming the holder
 * @param expiry how long a lease lasts without a renewal; the holder renews it three times per expiry while it
 *     runs, and a waiter takes over a lease that was not renewed for that long (its holder was killed)
 */
public record LeaseConfig(Duration maxWait, Duration expiry) {
    public static final String WAIT_SECONDS = "lease.wait-seconds";
    public static final String EXPIRY_SECONDS = "lease.expiry-seconds";

    private static final Duration MAX_WAIT = Duration.ofHours(24);
    private static final Duration MAX_EXPIRY = Duration.ofHours(1);

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(
                    WAIT_SECONDS,
                    "300",
                    "Seconds a transform waits while another run holds the lake's writer lease, then exits with code 1"
                            + " naming the holder (0: do not wait)."),
            ConfigProperty.of(
                    EXPIRY_SECONDS,
                    "60",
                    "Seconds a writer lease lasts without renewal: its holder renews it while it runs, and a lease"
                            + " left by a killed run is taken over once it was not renewed for this long."));

    public LeaseConfig {
        requireNonNull(maxWait, "maxWait is null");
        requireNonNull(expiry, "expiry is null");
        if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected 0 to %d seconds.",
                    WAIT_SECONDS, maxWait.toSeconds(), MAX_WAIT.toSeconds());
        }
        // Below 3 s, a renewal every third of it would leave no room for one slow S3 request.
        if (expiry.compareTo(Duration.ofSeconds(3)) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected 3 to %d seconds.",
                    EXPIRY_SECONDS, expiry.toSeconds(), MAX_EXPIRY.toSeconds());
        }
    }

    public static LeaseConfig from(Settings settings) {
        return new LeaseConfig(seconds(settings, WAIT_SECONDS), seconds(settings, EXPIRY_SECONDS));
    }

    private static Duration seconds(Settings settings, String key) {
        String raw = settings.get(key).trim();
        try {
            return Duration.ofSeconds(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a whole number of seconds.",
                    key, raw, settings.source(key));
        }
    }
}
