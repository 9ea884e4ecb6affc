package dev.loglake.lake;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.core.trino.TrinoConnections;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place that turns settings into what talks to the lake: Trino connections, S3 clients and the lake's
 * schemas. Every command builds its clients here, so that they all read the same keys the same way, and a bad
 * value stops the command before anything connects.
 */
public record LakeClients(TrinoConfig trinoConfig, S3Config s3Config, LakeSchemas schemas) {
    public LakeClients {
        requireNonNull(trinoConfig, "trinoConfig is null");
        requireNonNull(s3Config, "s3Config is null");
        requireNonNull(schemas, "schemas is null");
    }

    /** Reads and validates the Trino, S3 and lake settings. */
    public static LakeClients from(Settings settings) {
        TrinoConfig trino = TrinoConfig.from(settings);
        return new LakeClients(
                trino, S3Config.from(settings), LakeSchemas.of(trino.catalog(), LakeConfig.from(settings)));
    }

    public LakeConfig lake() {
        return schemas.lake();
    }

    public TrinoConnections trino() {
        return new TrinoConnections(trinoConfig);
    }

    /** A new S3 client; the caller closes it. */
    public S3Client s3() {
        return S3Clients.create(s3Config);
    }

    /** A new S3 client with a connection pool of this size (parallel uploaders want one per worker). */
    public S3Client s3(int maxConnections) {
        return S3Clients.create(s3Config, maxConnections);
    }
}
