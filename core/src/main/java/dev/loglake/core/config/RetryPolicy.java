package dev.loglake.core.config;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What Trino does when a worker is lost during one of the transform's statements ({@code transform.retry-policy}).
 * With {@link #NONE} the statement fails and a plain rerun of the transform repeats the day; with {@link #TASK}
 * Trino's fault-tolerant execution runs the lost tasks again on the other workers from their spooled input, so the
 * statement completes. TASK needs an exchange manager on every Trino node (the local stack writes one; on
 * Kubernetes, the Helm values point it at the exchange bucket) and costs time on every run: the bench measures it.
 */
public enum RetryPolicy {
    NONE,
    TASK;

    /**
     * The session property that asks Trino for this policy on a cluster that allows it. NONE sends none: the
     * cluster's own {@code retry-policy} (none unless its configuration says otherwise) applies.
     */
    public Map<String, String> sessionProperties() {
        return this == NONE ? Map.of() : Map.of("retry_policy", name());
    }

    /** {@code none} or {@code task}, in any case; anything else names the key and the values it takes. */
    public static RetryPolicy parse(String key, String value, String source) {
        for (RetryPolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw LoglakeException.user(
                "Invalid value for %s: '%s' (%s). Expected one of %s.",
                key,
                value,
                source,
                Arrays.stream(values())
                        .map(p -> p.name().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
