package dev.loglake.generator.format;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.model.Resource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** A valid line read back from an object, in any format: what the pipeline extracts from it. */
public record LogRecord(
        String clientIp,
        long epochSecond,
        String method,
        String target,
        String protocol,
        int status,
        long bytes,
        Optional<String> referer,
        String userAgent,
        long responseMicros) {
    public LogRecord {
        requireNonNull(clientIp, "clientIp is null");
        requireNonNull(method, "method is null");
        requireNonNull(target, "target is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(referer, "referer is null");
        requireNonNull(userAgent, "userAgent is null");
    }

    public LocalDate eventDate() {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    public String path() {
        return Resource.pathOf(target);
    }
}
