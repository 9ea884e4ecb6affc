package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The S3-compatible server: s3proxy 4 with its {@code filesystem-nio2} backend. It is the store that answers S3's
 * conditional writes ({@code If-None-Match: *}, {@code If-Match}), which the lake's writer lease relies on; the
 * jclouds {@code filesystem} backend ignores them and overwrites. In s3proxy 4 it also keeps Hadoop S3A's
 * directory markers apart from the directories' names (in 2.6.0 it did not, and the metastore's CREATE SCHEMA
 * failed), and it reads the files a 2.6.0 {@code filesystem} store wrote, so a stack's data survives the upgrade.
 */
public final class S3ServerComponent extends ServerComponent {
    /** The name users see in messages. */
    public static final String NAME = "S3 server (s3proxy)";

    private final Path jar;
    private final Path javaHome;
    private final Path propertiesFile;
    private final Path dataDirectory;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public S3ServerComponent(
            Path jar,
            Path javaHome,
            Path propertiesFile,
            Path dataDirectory,
            int port,
            String accessKey,
            String secretKey,
            ProcessFiles files) {
        super(NAME, port, files);
        this.jar = requireNonNull(jar, "jar is null");
        this.javaHome = requireNonNull(javaHome, "javaHome is null");
        this.propertiesFile = requireNonNull(propertiesFile, "propertiesFile is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.accessKey = requireNonNull(accessKey, "accessKey is null");
        this.secretKey = requireNonNull(secretKey, "secretKey is null");
    }

    public URI endpoint() {
        return URI.create("http://" + Ports.LOOPBACK + ":" + port());
    }

    @Override
    public void start() {
        writeProperties();
        List<String> command = List.of(
                JavaRuntimes.javaBinary(javaHome).toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                "--properties",
                propertiesFile.toString());
        Daemons.start(command, dataDirectory, Map.of(), files());
        HealthWait.until(this, Duration.ofSeconds(60), this::isHealthy);
    }

    @Override
    public boolean isHealthy() {
        if (process().isEmpty()) {
            return false;
        }
        try {
            // Any S3 answer (an anonymous request gets 403) proves the server is up and speaking S3.
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint())
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        stopProcess(Duration.ofSeconds(20));
    }

    private void writeProperties() {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", endpoint().toString());
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", accessKey);
        properties.setProperty("s3proxy.credential", secretKey);
        // Trino 476 lists objects with x-amz-optional-object-attributes (for Glacier restore status), which
        // s3proxy does not know and would answer with 501; the header only asks for extra fields.
        properties.setProperty("s3proxy.ignore-unknown-headers", "true");
        properties.setProperty("jclouds.provider", "filesystem-nio2");
        properties.setProperty("jclouds.filesystem.basedir", dataDirectory.toString());
        // Required by jclouds even for the filesystem backend.
        properties.setProperty("jclouds.identity", accessKey);
        properties.setProperty("jclouds.credential", secretKey);
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(propertiesFile.getParent());
            try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                properties.store(writer, "s3proxy of the loglake local stack (local-only credentials)");
            }
            Files.setPosixFilePermissions(
                    propertiesFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
