package dev.loglake.stack.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server on loopback that plays the Maven repository. */
class TestArtifactCache {
    private static final byte[] CONTENT = "jar bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SHA1_OF_CONTENT = sha1();

    @TempDir
    Path cacheDirectory;

    private HttpServer repository;

    @BeforeEach
    void startRepository() throws IOException {
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, byte[]> files = Map.of(
                "/repo/org/example/lib/1.0/lib-1.0.jar",
                CONTENT,
                "/repo/org/example/lib/1.0/lib-1.0.jar.sha1",
                SHA1_OF_CONTENT.getBytes(StandardCharsets.US_ASCII));
        repository.createContext("/repo", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        repository.start();
    }

    @AfterEach
    void stopRepository() {
        repository.stop(0);
    }

    @Test
    void downloadsOnceAndVerifiesAgainstTheRepositorysSha1() throws IOException {
        ArtifactCache cache = new ArtifactCache(cacheDirectory, repositoryUri());

        Path file = cache.get(MavenArtifact.jar("org.example", "lib", "1.0"));

        assertThat(file).hasBinaryContent(CONTENT);
        assertThat(file.toString()).endsWith("maven/org/example/lib/1.0/lib-1.0.jar");
        repository.stop(0);
        assertThat(cache.get(MavenArtifact.jar("org.example", "lib", "1.0"))).isEqualTo(file);
    }

    @Test
    void aCorruptDownloadIsDeletedAndNamed() {
        ArtifactCache cache = new ArtifactCache(cacheDirectory, repositoryUri());
        MavenArtifact pinned = MavenArtifact.jar("org.example", "lib", "1.0").withSha256("00".repeat(32));

        assertThatThrownBy(() -> cache.get(pinned))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Corrupt download of org.example:lib:1.0:jar")
                .hasMessageContaining("should be " + "00".repeat(32))
                .hasMessageContaining("run the command again");
        assertThat(cacheDirectory.resolve("maven/org/example/lib/1.0")).isEmptyDirectory();
    }

    @Test
    void aMissingArtifactNamesTheRepositoryAndTheStatus() {
        ArtifactCache cache = new ArtifactCache(cacheDirectory, repositoryUri());

        assertThatThrownBy(() -> cache.get(MavenArtifact.jar("org.example", "absent", "2.0")))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("stack.maven-repository");
    }

    @Test
    void metastoreJarListParsesWithChecksums() {
        assertThat(Distributions.metastoreJars())
                .isNotEmpty()
                .allSatisfy(jar -> assertThat(jar.sha256())
                        .hasValueSatisfying(sha -> assertThat(sha).hasSize(64)))
                .anySatisfy(jar -> assertThat(jar.artifactId()).isEqualTo("hadoop-aws"));
    }

    @Test
    void repositoryPathsFollowMavenLayout() {
        MavenArtifact tarball = new MavenArtifact(
                "org.apache.hive",
                "hive-standalone-metastore-server",
                "4.0.1",
                "tar.gz",
                Optional.of("bin"),
                Optional.empty());

        assertThat(tarball.repositoryPath())
                .isEqualTo("org/apache/hive/hive-standalone-metastore-server/4.0.1/"
                        + "hive-standalone-metastore-server-4.0.1-bin.tar.gz");
    }

    private URI repositoryUri() {
        return URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/repo");
    }

    private static String sha1() {
        try {
            Path temporary = Files.createTempFile("content", ".bin");
            Files.write(temporary, CONTENT);
            String digest = ArtifactCache.digest(temporary, "SHA-1");
            Files.delete(temporary);
            return digest;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
