package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** How to reach a running local stack: what {@code stack up} prints and writes for later commands. */
public record StackEndpoints(
        String trinoJdbcUrl, String trinoUser, URI s3Endpoint, String metastoreUri, String postgresJdbcUrl) {
    public StackEndpoints {
        requireNonNull(trinoJdbcUrl, "trinoJdbcUrl is null");
        requireNonNull(trinoUser, "trinoUser is null");
        requireNonNull(s3Endpoint, "s3Endpoint is null");
        requireNonNull(metastoreUri, "metastoreUri is null");
        requireNonNull(postgresJdbcUrl, "postgresJdbcUrl is null");
    }
}
