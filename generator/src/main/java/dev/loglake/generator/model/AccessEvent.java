package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

/**
 * One request as the server logs it. The request line comes from the resource, the protocol from the visitor.
 *
 * @param timeMillis when the request was logged, UTC epoch milliseconds (the logs keep whole seconds)
 * @param bytes response body bytes; 0 is logged as "-" in the combined format, as Apache does
 * @param referer the Referer header, or {@link #NO_REFERER}
 */
public record AccessEvent(
        long timeMillis,
        Visitor visitor,
        Resource resource,
        int status,
        long bytes,
        Token referer,
        long responseMicros) {
    public static final Token NO_REFERER = new Token("-");

    public AccessEvent {
        requireNonNull(visitor, "visitor is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(referer, "referer is null");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        if (bytes < 0 || responseMicros < 0) {
            throw new IllegalArgumentException("bytes and response time must not be negative");
        }
    }

    public long epochSecond() {
        return Math.floorDiv(timeMillis, 1000);
    }
}
