package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.process.ProcessFiles;
import java.nio.file.Path;

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

    public Path credentials() {
        return root.resolve("secrets").resolve("credentials.properties");
    }

    /** The settings of this stack for later commands (see {@code SettingsLoader}). */
    public Path connectionFile() {
        return root.resolve(dev.loglake.core.config.SettingsLoader.CONNECTION_FILE);
    }
}
