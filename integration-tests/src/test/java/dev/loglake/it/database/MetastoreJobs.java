package dev.loglake.it.database;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.it.k8s.PodContainer;
import dev.loglake.stack.ComponentVersions;
import dev.loglake.stack.artifact.ArtifactCache;
import dev.loglake.stack.artifact.Distributions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the containers of the metastore's Jobs (k8s/metastore/db-user-job.yaml, schema-job.yaml) here, against a
 * local database: the manifests' commands and environments, with the ConfigMaps and the Secret the cluster would
 * hold, the volumes as local folders and the image's files (entrypoint, metastore, CA bundle) from this checkout.
 */
final class MetastoreJobs {
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path DB_USER_JOB = REPOSITORY.resolve("k8s/metastore/db-user-job.yaml");
    static final Path SCHEMA_JOB = REPOSITORY.resolve("k8s/metastore/schema-job.yaml");
    /** The host and port of the example ConfigMap's URL, which cluster-config fills from cloud-infra's output. */
    private static final String EXAMPLE_ENDPOINT = "loglake-metastore.example.eu-west-1.rds.amazonaws.com:5432";
    /** Where the image keeps the RDS CA bundle (hive-metastore/docker/Dockerfile); here, the test's CA. */
    static final String RDS_CA_BUNDLE = "/opt/rds-ca/global-bundle.pem";

    private final Path work;
    private final int port;
    private final String masterPassword;

    MetastoreJobs(Path work, int port, String masterPassword) {
        this.work = requireNonNull(work, "work is null");
        this.port = port;
        this.masterPassword = requireNonNull(masterPassword, "masterPassword is null");
    }

    /** What a run gets: the role and database the ConfigMap names, the role's password, where the database is. */
    record Target(String role, String database, String password, String host, Path caCertificate) {}

    /** Runs the db-user Job's main container, after writing what its init container writes. */
    Shell.Result dbUser(Target target) {
        PodContainer container = PodContainer.read(DB_USER_JOB, "db-user");
        Path run = newFolder("db-user");
        Map<String, Path> paths = new HashMap<>(volumes(container, run));
        paths.put(container.mountPaths().get("script"), scriptFolder(container));
        paths.put(RDS_CA_BUNDLE, target.caCertificate());
        writeMasterLogin(paths.get(container.mountPaths().get("db-master")));
        return Shell.run(
                container.command(List.of(), paths),
                container.environment(imageEnvironment(), configMaps(target), secrets(target), paths),
                run,
                Duration.ofMinutes(2));
    }

    /** Runs the schema Job's container: the image's entrypoint with the manifest's args. */
    Shell.Result schema(Target target) {
        PodContainer container = PodContainer.read(SCHEMA_JOB, "schema");
        Path run = newFolder("schema");
        Map<String, Path> paths = new HashMap<>(volumes(container, run));
        paths.put(
                "/usr/local/bin/docker-entrypoint.sh",
                REPOSITORY.resolve("hive-metastore/docker/docker-entrypoint.sh"));
        paths.put("/opt/hive-metastore", imageMetastoreHome(run));
        paths.put(RDS_CA_BUNDLE, target.caCertificate());
        Map<String, String> image = new HashMap<>(imageEnvironment());
        image.put("METASTORE_HOME", "/opt/hive-metastore");
        image.put("METASTORE_RUNTIME_DIR", "/run/hive-metastore");
        // Injected by EKS's pod identity webhook with IRSA; the entrypoint takes it as the S3 region.
        image.put("AWS_REGION", "eu-west-1");
        return Shell.run(
                container.command(List.of("/usr/local/bin/docker-entrypoint.sh"), paths),
                container.environment(image, configMaps(target), secrets(target), paths),
                run,
                Duration.ofMinutes(5));
    }

    /** The metastore's JDBC URL as the ConfigMap gives it, pointed at the local database. */
    String jdbcUrl(Target target) {
        return configMaps(target)
                .get("hive-metastore-config")
                .get("METASTORE_DB_URL")
                .replace(RDS_CA_BUNDLE, target.caCertificate().toString());
    }

    private Map<String, Map<String, String>> configMaps(Target target) {
        Map<String, String> metastore = new HashMap<>(exampleConfigMap("k8s/config/hive-metastore-config.yaml"));
        String url = metastore.get("METASTORE_DB_URL");
        if (!url.contains(EXAMPLE_ENDPOINT + "/metastore")) {
            throw new IllegalStateException(
                    "The example METASTORE_DB_URL no longer names " + EXAMPLE_ENDPOINT + "/metastore: " + url);
        }
        if (!url.contains(RDS_CA_BUNDLE)) {
            throw new IllegalStateException(
                    "The example METASTORE_DB_URL no longer names " + RDS_CA_BUNDLE + ": " + url);
        }
        metastore.put(
                "METASTORE_DB_URL",
                url.replace(EXAMPLE_ENDPOINT + "/metastore", target.host() + ":" + port + "/" + target.database()));
        metastore.put("METASTORE_DB_USER", target.role());
        return Map.of(
                "hive-metastore-config",
                Map.copyOf(metastore),
                "hive-metastore-db-user",
                Map.of("DB_MASTER_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!db-test"));
    }

    private static Map<String, Map<String, String>> secrets(Target target) {
        return Map.of("hive-metastore-db", Map.of("password", target.password()));
    }

    /** The image's PATH: here, this machine's psql, perl, java and envsubst. */
    private static Map<String, String> imageEnvironment() {
        return Map.of("PATH", System.getenv("PATH"), "LANG", "C.UTF-8");
    }

    /** Every emptyDir volume of the container as a fresh local folder. */
    private Map<String, Path> volumes(PodContainer container, Path run) {
        Map<String, Path> paths = new HashMap<>();
        container.mountPaths().forEach((volume, mountPath) -> {
            if (container.volume(volume).has("emptyDir")) {
                paths.put(mountPath, folder(run.resolve(volume)));
            }
        });
        return paths;
    }

    /** The script volume is the ConfigMap made from k8s/metastore/db-user/ (kustomize and cluster-config alike). */
    private static Path scriptFolder(PodContainer container) {
        JsonNode configMap = container.volume("script").path("configMap");
        if (!configMap.path("name").asText().equals("hive-metastore-db-user")) {
            throw new IllegalStateException("The script volume is no longer the ConfigMap hive-metastore-db-user");
        }
        return REPOSITORY.resolve("k8s/metastore/db-user");
    }

    /** What the init container writes: the SecretString of the RDS-managed master secret. */
    private Path writeMasterLogin(Path folder) {
        Path login = folder.resolve("login.json");
        try {
            Files.writeString(
                    login, "{\"username\":\"" + TlsPostgres.MASTER + "\",\"password\":\"" + masterPassword + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + login, e);
        }
        return login;
    }

    private static Map<String, String> exampleConfigMap(String file) {
        try {
            JsonNode data =
                    new YAMLMapper().readTree(REPOSITORY.resolve(file).toFile()).path("data");
            Map<String, String> values = new HashMap<>();
            data.fields()
                    .forEachRemaining(
                            entry -> values.put(entry.getKey(), entry.getValue().asText()));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * The image's /opt/hive-metastore: the metastore with its jars (the stack's installation, made from the same
     * tarball and metastore-jars.txt) and, as the Dockerfile copies it, conf/ as loglake-conf/.
     */
    private static Path imageMetastoreHome(Path run) {
        Path home = folder(run.resolve("opt-hive-metastore"));
        try (var entries = Files.list(metastoreInstallation())) {
            for (Path entry : entries.toList()) {
                Files.createSymbolicLink(home.resolve(entry.getFileName().toString()), entry);
            }
            Files.createSymbolicLink(home.resolve("loglake-conf"), REPOSITORY.resolve("hive-metastore/docker/conf"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the image's metastore in " + home, e);
        }
        return home;
    }

    private static Path metastoreInstallation() {
        StackConfig config = StackConfig.from(Settings.defaults());
        return new Distributions(
                        new ArtifactCache(config.cacheDirectory(), config.mavenRepository()),
                        config.cacheDirectory(),
                        ComponentVersions.load())
                .metastore();
    }

    private Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(work, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder in " + work, e);
        }
    }

    private static Path folder(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path, e);
        }
    }
}
