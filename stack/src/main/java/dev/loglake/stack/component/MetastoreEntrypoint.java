package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The metastore image's own start-up, run without a container (the rehearsal, {@code stack up --secure}): bash runs
 * hive-metastore/docker/docker-entrypoint.sh, which renders the configuration, prepares the schema and execs the
 * metastore, so that a defect of the image's start-up shows here. The folder is laid out as the image is: {@code
 * home/} as {@code METASTORE_HOME} (the installation's entries, linked, and {@code loglake-conf/} with the image's
 * conf files), {@code runtime/} as {@code METASTORE_RUNTIME_DIR}, and the script beside them.
 *
 * @param directory this stack's folder for the image's files
 * @param secretsDirectory where the files behind the {@code *_FILE} variables go, readable by the owner only
 * @param siteValues the template's values, as the stack renders them itself (see {@code MetastoreSiteTemplate})
 * @param javaOptions the metastore's JVM options ({@code METASTORE_JAVA_OPTS})
 */
public record MetastoreEntrypoint(
        Path directory, Path secretsDirectory, Map<String, String> siteValues, List<String> javaOptions) {
    /** The image's files, copied into the stack's jar by the build (stack/pom.xml). */
    private static final String RESOURCES = "/dev/loglake/stack/metastore/";

    private static final List<String> IMAGE_CONF =
            List.of("metastore-site.xml.template", "metastore-log4j2.properties");
    /** The secrets, handed over as files the way a Kubernetes Secret is mounted, never as a variable's value. */
    private static final Map<String, String> SECRET_FILES = Map.of(
            "METASTORE_DB_PASSWORD", "metastore-db-password",
            "S3_ACCESS_KEY", "metastore-s3-access-key",
            "S3_SECRET_KEY", "metastore-s3-secret-key");

    public MetastoreEntrypoint {
        requireNonNull(directory, "directory is null");
        requireNonNull(secretsDirectory, "secretsDirectory is null");
        siteValues = Map.copyOf(siteValues);
        javaOptions = List.copyOf(javaOptions);
    }

    /** METASTORE_HOME: the image's /opt/hive-metastore. */
    public Path home() {
        return directory.resolve("home");
    }

    /** METASTORE_RUNTIME_DIR: where the entrypoint renders metastore-site.xml. */
    public Path runtimeDirectory() {
        return directory.resolve("runtime");
    }

    /** The image's /usr/local/bin/docker-entrypoint.sh. */
    public Path script() {
        return directory.resolve("docker-entrypoint.sh");
    }

    /** As the image's CMD: serve (schema action auto), the metastore in the foreground. */
    List<String> command() {
        return List.of("bash", script().toString(), "serve");
    }

    /**
     * Lays out the image's files over {@code installation} (the metastore tarball with the extra jars in lib/) and
     * writes the secret files. Done at every start, so the links follow a moved cache.
     */
    void install(Path installation) {
        try {
            FileTrees.deleteRecursively(home());
            Files.createDirectories(home().resolve("loglake-conf"));
            try (Stream<Path> entries = Files.list(installation)) {
                for (Path entry : entries.toList()) {
                    Files.createSymbolicLink(home().resolve(entry.getFileName().toString()), entry);
                }
            }
            for (String file : IMAGE_CONF) {
                copyResource("conf/" + file, home().resolve("loglake-conf").resolve(file));
            }
            copyResource("docker-entrypoint.sh", script());
            Files.createDirectories(runtimeDirectory());
            for (Map.Entry<String, String> secret : SECRET_FILES.entrySet()) {
                writeOwnerOnly(secretsDirectory.resolve(secret.getValue()), value(secret.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot lay out the metastore image's files in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The container's environment and nothing else (no variable of the shell that ran {@code stack up}): the
     * template's values with the secrets as {@code *_FILE}, the image's two folders, and Java 17 first on PATH.
     */
    Map<String, String> environment(Path javaHome) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        environment.put("METASTORE_HOME", home().toString());
        environment.put("METASTORE_RUNTIME_DIR", runtimeDirectory().toString());
        environment.put("METASTORE_SCHEMA_ACTION", "auto");
        environment.put("METASTORE_JAVA_OPTS", String.join(" ", javaOptions));
        siteValues.forEach((name, value) -> {
            if (SECRET_FILES.containsKey(name)) {
                environment.put(
                        name + "_FILE",
                        secretsDirectory.resolve(SECRET_FILES.get(name)).toString());
            } else {
                environment.put(name, value);
            }
        });
        return Map.copyOf(environment);
    }

    private String value(String name) {
        String value = siteValues.get(name);
        if (value == null) {
            throw new IllegalStateException("No value for " + name + " among the metastore's " + siteValues.keySet());
        }
        return value;
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = MetastoreEntrypoint.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is missing from the loglake-stack jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, value, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
