package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.util.List;

/**
 * How the transforms load the lake.
 *
 * @param latenessDays how many days after its event date an event may arrive and still be loaded into its
 *     own day; later events are quarantined with that reason
 * @param batchDays how many raw days one set of statements loads; keeps each write under Trino's
 *     partitions-per-writer limit (100) with room for the late days
 * @param maxRowsPerWrite how many requests one statement of the marts may read at most (estimated from the staged
 *     lines); a batch with more is built in several, smaller day ranges. Bounds the memory of the jobs that hold
 *     their input (the sessions' window over every request), which a backfill of busy days would otherwise
 *     exceed (Trino's per-node query memory)
 * @param concurrency how many models of the lake's graph run at the same time, each on a connection of its own:
 *     models that do not read each other (the daily marts of the facts) are independent, and a day's small
 *     statements are bound by Trino's fixed cost per statement, not by the cores
 * @param readerDrainSeconds how long a run that rewrites days waits for the queries that began before it guarded
 *     the reports views; a query still running then is stopped with a message saying why, rather than left to
 *     read files that are being replaced
 * @param retryPolicy whether the transform's statements survive a lost Trino worker (fault-tolerant execution)
 */
public record TransformConfig(
        int latenessDays,
        int batchDays,
        long maxRowsPerWrite,
        int concurrency,
        int readerDrainSeconds,
        RetryPolicy retryPolicy) {
    public static final String LATENESS_DAYS = "transform.lateness-days";
    public static final String BATCH_DAYS = "transform.batch-days";
    public static final String MAX_ROWS_PER_WRITE = "transform.max-rows-per-write";
    public static final String CONCURRENCY = "transform.concurrency";
    public static final String READER_DRAIN_SECONDS = "transform.reader-drain-seconds";
    public static final String RETRY_POLICY = "transform.retry-policy";

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(
                    LATENESS_DAYS, "2", "Days an event may arrive after its date and still be loaded into that date."),
            ConfigProperty.of(BATCH_DAYS, "30", "Raw days loaded per batch (Trino writes at most 100 partitions)."),
            ConfigProperty.of(
                    MAX_ROWS_PER_WRITE,
                    "1000000",
                    "Requests one mart statement reads at most; more days are split into smaller ranges (bounds the"
                            + " memory Trino needs per statement)."),
            ConfigProperty.of(
                    CONCURRENCY,
                    "4",
                    "Models of the lake run at the same time when they do not read each other (1 runs them one by"
                            + " one)."),
            ConfigProperty.of(
                    READER_DRAIN_SECONDS,
                    "60",
                    "Seconds a run that rewrites days waits for queries begun before it; then it stops them, with"
                            + " a message."),
            ConfigProperty.of(
                    RETRY_POLICY,
                    "none",
                    "task: the transform's statements survive a lost Trino worker (fault-tolerant execution; needs"
                            + " an exchange manager on every node). none: the statement fails and a rerun repeats"
                            + " it."));

    public TransformConfig {
        if (latenessDays < 0 || latenessDays > 30) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a number of days from 0 to 30.", LATENESS_DAYS, latenessDays);
        }
        if (batchDays < 1 || batchDays + latenessDays > 99) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected at least 1, and at most %d so that a batch with its late days"
                            + " stays within Trino's 100 partitions per write.",
                    BATCH_DAYS, batchDays, 99 - latenessDays);
        }
        if (maxRowsPerWrite < 1) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a number of rows of at least 1.",
                    MAX_ROWS_PER_WRITE, maxRowsPerWrite);
        }
        if (concurrency < 1 || concurrency > 32) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a number of concurrent statements from 1 to 32.",
                    CONCURRENCY, concurrency);
        }
        if (readerDrainSeconds < 0 || readerDrainSeconds > 3600) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a number of seconds from 0 to 3600.",
                    READER_DRAIN_SECONDS, readerDrainSeconds);
        }
        requireNonNull(retryPolicy, "retryPolicy is null");
    }

    public Duration readerDrain() {
        return Duration.ofSeconds(readerDrainSeconds);
    }

    public static TransformConfig from(Settings settings) {
        return new TransformConfig(
                integer(settings, LATENESS_DAYS),
                integer(settings, BATCH_DAYS),
                wholeNumber(settings, MAX_ROWS_PER_WRITE),
                integer(settings, CONCURRENCY),
                integer(settings, READER_DRAIN_SECONDS),
                RetryPolicy.parse(RETRY_POLICY, settings.get(RETRY_POLICY), settings.source(RETRY_POLICY)));
    }

    private static int integer(Settings settings, String key) {
        long value = wholeNumber(settings, key);
        if (value != (int) value) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d (%s). Expected a whole number below 2^31.",
                    key, value, settings.source(key));
        }
        return (int) value;
    }

    private static long wholeNumber(Settings settings, String key) {
        String raw = settings.get(key).trim();
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a whole number.", key, raw, settings.source(key));
        }
    }
}
