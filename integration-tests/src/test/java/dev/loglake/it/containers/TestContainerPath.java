package dev.loglake.it.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.stack.ComponentVersions;
import dev.loglake.testing.RequiresDocker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.TrinoContainer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same clients against containers instead of the local stack, for machines with Docker: loglake's
 * S3 client against MinIO, and its Trino connection against the pinned Trino image.
 */
@RequiresDocker
class TestContainerPath {
    @Test
    void theS3ClientWritesAndReadsMinio() {
        try (MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2024-12-18T13-15-44Z")) {
            minio.start();
            S3Config config = new S3Config(
                    Optional.of(URI.create(minio.getS3URL())),
                    "us-east-1",
                    Optional.of(minio.getUserName()),
                    Optional.of(minio.getPassword()),
                    true);
            try (S3Client s3 = S3Clients.create(config)) {
                s3.createBucket(request -> request.bucket("loglake-raw"));
                s3.putObject(
                        request -> request.bucket("loglake-raw").key("probe.txt"), RequestBody.fromString("hello"));

                String body = s3.getObjectAsBytes(
                                request -> request.bucket("loglake-raw").key("probe.txt"))
                        .asString(StandardCharsets.UTF_8);
                assertThat(body).isEqualTo("hello");
            }
        }
    }

    @Test
    void theTrinoConnectionQueriesThePinnedTrinoImage() throws Exception {
        String image = "trinodb/trino:" + ComponentVersions.load().trino();
        try (TrinoContainer trino = new TrinoContainer(image)) {
            trino.start();
            TrinoConfig config = new TrinoConfig(trino.getJdbcUrl(), "loglake", Optional.empty(), "system");
            try (Connection connection = new TrinoConnections(config).open();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT node_version FROM system.runtime.nodes")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1))
                        .isEqualTo(ComponentVersions.load().trino());
            }
        }
    }
}
