package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.RawLayout;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Raw objects that cannot be read at all: a truncated gzip stream, a {@code .gz} that is not gzip. Trino
 * fails the whole staging statement on such an object (naming it), so that one bad object would block its
 * day. When the statement fails naming a raw object of the days being loaded, this reads the object itself
 * to confirm it is unreadable (a transient S3 error must not lose good data: an I/O error while reading it is
 * retried, and fails the run if it persists), moves it to {@code
 * quarantine/objects/<its key>}, records it in {@code ledger.quarantined_objects} with the reason, and runs
 * the statement again. Normal loads pay nothing: objects are checked only after a failure.
 */
final class UnreadableRawObjects {
    private static final Logger log = LoggerFactory.getLogger(UnreadableRawObjects.class);
    /** Where Trino's errors name the object: "Failed to read file at s3://...", "Error opening Hive split s3://... (". */
    private static final Pattern OBJECT = Pattern.compile("s3a?://([^/\\s]+)/(\\S+?)(?=[\\s:(]|$)");

    private static final Pattern RAW_KEY = Pattern.compile(
            Pattern.quote(LakeSchemas.RAW_ACCESS_PREFIX) + "[a-z0-9_]+/(?:site=[^/]+/)?dt=(\\d{4}-\\d{2}-\\d{2})/.+");

    static final String QUARANTINE_PREFIX = RawLayout.OBJECT_QUARANTINE_PREFIX;
    /** More bad objects than this in one batch is not a few damaged files: stop and let a person look. */
    private static final int MAX_PER_BATCH = 20;
    /** Reads of an object to check, before an I/O error fails the run (the SDK retries each request too). */
    private static final int READ_ATTEMPTS = 3;

    private static final Duration READ_BACKOFF = Duration.ofSeconds(1);

    private final S3Client s3;
    private final TrinoConnections connections;
    private final LakeSchemas schemas;
    private final String runId;

    UnreadableRawObjects(S3Client s3, TrinoConnections connections, LakeSchemas schemas, String runId) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.runId = requireNonNull(runId, "runId is null");
    }

    /** Runs {@code load}; each time it fails on an unreadable raw object of {@code days}, quarantines it and retries. */
    long load(DayRange days, LongSupplier load) {
        Set<String> quarantined = new HashSet<>();
        while (true) {
            try {
                return load.getAsLong();
            } catch (LoglakeException e) {
                Optional<String> key = rawObjectNamedIn(e, schemas.lake().rawBucket(), days);
                Optional<String> reason = key.filter(quarantined::add).flatMap(this::whyUnreadable);
                if (reason.isEmpty() || quarantined.size() > MAX_PER_BATCH) {
                    throw e;
                }
                quarantine(key.get(), reason.get());
            }
        }
    }

    /** The key of a raw object of {@code days} in {@code bucket} that the failure (or its causes) names. */
    static Optional<String> rawObjectNamedIn(Throwable failure, String bucket, DayRange days) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher matcher = OBJECT.matcher(String.valueOf(cause.getMessage()));
            while (matcher.find()) {
                String key = matcher.group(2);
                if (matcher.group(1).equals(bucket)
                        && arrivalDay(key).filter(days.dates()::contains).isPresent()) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> arrivalDay(String key) {
        Matcher matcher = RAW_KEY.matcher(key);
        try {
            return matcher.matches() ? Optional.of(LocalDate.parse(matcher.group(1))) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Reads the object: empty if it is whole (or not gzip-named, which this cannot judge). */
    private Optional<String> whyUnreadable(String key) {
        if (!key.endsWith(".gz")) {
            return Optional.empty();
        }
        String bucket = schemas.lake().rawBucket();
        return whyUnreadable(
                "s3://" + bucket + "/" + key,
                () -> s3.getObject(request -> request.bucket(bucket).key(key)),
                READ_ATTEMPTS,
                READ_BACKOFF);
    }

    /**
     * Reads the object {@code open} opens to its end, up to {@code attempts} times while reading it fails: a
     * reset connection or an S3 server error says nothing about the object and must not get it quarantined.
     * Empty if the object is whole, or if S3 refuses it for good (gone, forbidden): then nothing can be judged
     * and the load's own error stands.
     *
     * @throws LoglakeException if every attempt failed with an I/O error
     */
    static Optional<String> whyUnreadable(String object, ObjectOpener open, int attempts, Duration backoff) {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (InputStream in = open.open()) {
                return GzipCheck.whyUnreadable(in);
            } catch (SdkServiceException e) {
                if (!e.retryable() && e.statusCode() < 500) {
                    return Optional.empty();
                }
                last = e;
            } catch (SdkException | java.io.IOException e) {
                last = e;
            }
            log.warn(
                    "Reading the raw object {} to check it failed (attempt {} of {}): {}",
                    object,
                    attempt,
                    attempts,
                    last.toString());
            if (attempt < attempts) {
                pause(backoff.multipliedBy(attempt));
            }
        }
        throw LoglakeException.external(
                String.format(
                        "Cannot check the raw object %s: reading it from S3 failed %d times with an I/O error (last:"
                                + " %s). This is an I/O error, not damage to the object, so it was not quarantined;"
                                + " check that the S3 server answers and run the transform again.",
                        object, attempts, last),
                last);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while waiting to read a raw object again", e);
        }
    }

    /** Opens one read of an object from its start. */
    @FunctionalInterface
    interface ObjectOpener {
        InputStream open() throws java.io.IOException;
    }

    private void quarantine(String key, String reason) {
        String bucket = schemas.lake().rawBucket();
        String target = QUARANTINE_PREFIX + key;
        try {
            s3.copyObject(request -> request.sourceBucket(bucket)
                    .sourceKey(key)
                    .destinationBucket(bucket)
                    .destinationKey(target));
            record(key, target, reason);
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw LoglakeException.external(
                    "Cannot move the unreadable raw object s3://%s/%s (%s) to s3://%s/%s: %s",
                    bucket, key, reason, bucket, target, e.getMessage());
        }
        log.warn(
                "Quarantined the raw object s3://{}/{}: {}. Moved to s3://{}/{} and recorded in {}; the rest of its"
                        + " day loads without it.",
                bucket,
                key,
                reason,
                bucket,
                target,
                schemas.table(schemas.ledger(), "quarantined_objects"));
    }

    /** Its own connection: the job session writes with partition overwrite switched on. */
    private void record(String key, String target, String reason) {
        String bucket = schemas.lake().rawBucket();
        String values = String.join(
                ", ",
                new SqlValue.Date(arrivalDay(key).orElseThrow()).render(),
                new SqlValue.Text("s3://" + bucket + "/" + key).render(),
                new SqlValue.Text("s3://" + bucket + "/" + target).render(),
                new SqlValue.Text(reason).render(),
                new SqlValue.Text(runId).render(),
                new SqlValue.Timestamp(Instant.now()).render());
        try (TrinoSession trino = new TrinoSession(connections)) {
            trino.query(
                    "ledger/quarantined_objects.sql",
                    "INSERT INTO " + schemas.table(schemas.ledger(), "quarantined_objects") + " VALUES (" + values
                            + ")");
        }
    }
}
