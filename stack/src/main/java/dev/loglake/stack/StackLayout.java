package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Where a local stack keeps its files inside its data directory. One place, so nothing else guesses. */
public record StackLayout(Path root) {
    public StackLayout {
        requireNonNull(root, "root is null");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public ProcessFiles processFiles(String component) {
        return new ProcessFiles(root.resolve("run").resolve(component + ".pid"), logs().resolve(component + ".log"));
    }

    public Path postgresData() {
        return root.resolve("postgres").resolve("data");
    }

    public Path metastoreConf() {
        return root.resolve("metastore").resolve("conf");
    }

    /** The rehearsal's metastore image files: METASTORE_HOME, METASTORE_RUNTIME_DIR and the entrypoint script. */
    public Path metastoreImage() {
        return root.resolve("metastore").resolve("image");
    }

    public Path s3Data() {
        return root.resolve("s3");
    }

    public Path s3ProxyProperties() {
        return root.resolve("s3proxy").resolve("s3proxy.properties");
    }

    public Path trinoEtc() {
        return root.resolve("trino").resolve("etc");
    }

    public Path trinoData() {
        return root.resolve("trino").resolve("data");
    }

    /** Fault-tolerant execution's spooled task output, shared by the coordinator and the workers of this host. */
    public Path trinoExchange() {
        return root.resolve("trino").resolve("exchange");
    }

    /** Etc folder of Trino worker {@code worker} (1, 2, ...). */
    public Path trinoWorkerEtc(int worker) {
        return root.resolve("trino").resolve("worker-" + worker).resolve("etc");
    }

    public Path trinoWorkerData(int worker) {
        return root.resolve("trino").resolve("worker-" + worker).resolve("data");
    }

    public ProcessFiles trinoWorkerProcessFiles(int worker) {
        return processFiles("trino-worker-" + worker);
    }

    /** The secure stack's Trino passwords, shared secret and keystore password (owner-only). */
    public Path trinoSecrets() {
        return secrets().resolve("trino.properties");
    }

    /** Holds the credentials files and the secure stack's keystore and certificate. */
    public Path secrets() {
        return root.resolve("secrets");
    }

    /** The secure Trino's certificate in PEM, the trust store for JDBC clients (SSLTrustStorePath). */
    public Path trinoCertificate() {
        return secrets().resolve("trino-certificate.pem");
    }

    /** The password of the role that owns the local {@code shop} database (see {@link ShopDatabase}). */
    public Path shopCredentials() {
        return secrets().resolve("shop.properties");
    }

    public Path credentials() {
        return root.resolve("secrets").resolve("credentials.properties");
    }

    /** The settings of this stack for later commands (see {@code SettingsLoader}). */
    public Path connectionFile() {
        return root.resolve(dev.loglake.core.config.SettingsLoader.CONNECTION_FILE);
    }

    /** The entries the stack writes at the top of its data directory: the first name of each path above. */
    static final Set<String> TOP_LEVEL_ENTRIES = Set.of(
            "logs",
            "run",
            "postgres",
            "metastore",
            "s3",
            "s3proxy",
            "trino",
            "secrets",
            dev.loglake.core.config.SettingsLoader.CONNECTION_FILE);

    /**
     * Why {@link #root()} is not recognisably a stack's data directory, or empty if it is one (or is missing or
     * empty). A stack's directory holds the credentials {@code stack up} writes first, and only the entries the
     * stack writes; anything else may be a user's own files, which {@code stack reset} must never delete.
     */
    /** Whether the directory holds the files 'stack up' writes first: its credentials or its connection file. */
    public boolean holdsStackFiles() {
        return Files.isRegularFile(credentials(), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(connectionFile(), LinkOption.NOFOLLOW_LINKS);
    }

    public Optional<String> whyNotStackData() {
        if (!Files.exists(root)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(root)) {
            return Optional.of("it is not a directory");
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return Optional.of("it cannot be listed (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<String> foreign = entries.stream()
                .filter(entry -> !TOP_LEVEL_ENTRIES.contains(entry.replaceFirst("\\.tmp$", "")))
                .toList();
        if (!foreign.isEmpty()) {
            return Optional.of("it holds entries a loglake stack does not write: "
                    + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : ""));
        }
        if (!Files.isRegularFile(credentials(), LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(connectionFile(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("it has neither " + root.relativize(credentials()) + " nor "
                    + root.relativize(connectionFile()) + ", which 'stack up' writes");
        }
        return Optional.empty();
    }
}
