package dev.loglake.core.lease;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who holds a writer lease, as its lease object says: the run, where it runs, since when, when it last renewed
 * the lease and for how long a renewal counts. A {@code released} record ends a lease: its holder finished.
 *
 * @param runId the ledger's id of the run (such as {@code 20261207T001500Z-ab12cd})
 * @param host the host name and process id of the run
 * @param since when the run took the lease
 * @param renewed when the holder last wrote this record, by its own clock
 * @param expiry how long after a renewal the lease lapses when no other renewal follows
 * @param released whether the holder gave the lease up
 */
public record LeaseHolder(
        String runId, String host, Instant since, Instant renewed, Duration expiry, boolean released) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LeaseHolder {
        requireNonNull(runId, "runId is null");
        requireNonNull(host, "host is null");
        requireNonNull(since, "since is null");
        requireNonNull(renewed, "renewed is null");
        requireNonNull(expiry, "expiry is null");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId is blank");
        }
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry must be positive: " + expiry);
        }
    }

    /** The same holder, renewed at {@code now}. */
    LeaseHolder renewedAt(Instant now) {
        return new LeaseHolder(runId, host, since, now, expiry, false);
    }

    /** The record a holder writes when it gives the lease up. */
    LeaseHolder releasedAt(Instant now) {
        return new LeaseHolder(runId, host, since, now, expiry, true);
    }

    /** "run X on host Y since T (last renewed R)": what a waiting user needs to find the holder. */
    public String describe() {
        return "run " + runId + " on host " + host + " since " + since + " (last renewed " + renewed + ", lapses "
                + expiry.toSeconds() + " s after its last renewal)";
    }

    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run_id", runId);
        fields.put("host", host);
        fields.put("since", since.toString());
        fields.put("renewed", renewed.toString());
        fields.put("expiry_seconds", expiry.toSeconds());
        fields.put("released", released);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    /** Reads a lease object's text; {@code where} names the object in the error. */
    static LeaseHolder fromJson(String text, String where) {
        try {
            Map<?, ?> fields = JSON.readValue(text, Map.class);
            return new LeaseHolder(
                    (String) fields.get("run_id"),
                    (String) fields.get("host"),
                    Instant.parse((String) fields.get("since")),
                    Instant.parse((String) fields.get("renewed")),
                    Duration.ofSeconds(((Number) fields.get("expiry_seconds")).longValue()),
                    Boolean.TRUE.equals(fields.get("released")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw LoglakeException.external(
                    "Cannot read the writer lease " + where + ": expected the JSON loglake writes, found '" + text
                            + "'. Delete the object if no transform is running.",
                    e);
        }
    }
}
