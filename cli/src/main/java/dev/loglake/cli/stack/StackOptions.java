package dev.loglake.cli.stack;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.LocalStack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the stack commands; each flag is a shortcut for a {@code stack.*} configuration key. */
final class StackOptions {
    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (key stack.data-dir).")
    Path dataDirectory;

    @Option(names = "--postgres-port", paramLabel = "PORT", description = "Key stack.postgres-port.")
    Integer postgresPort;

    @Option(names = "--metastore-port", paramLabel = "PORT", description = "Key stack.metastore-port.")
    Integer metastorePort;

    @Option(names = "--s3-port", paramLabel = "PORT", description = "Key stack.s3-port.")
    Integer s3Port;

    @Option(names = "--trino-port", paramLabel = "PORT", description = "Key stack.trino-port.")
    Integer trinoPort;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Trino worker processes beside the coordinator, 0 to 4 (key stack.trino-workers).")
    Integer workers;

    @Option(
            names = "--secure",
            description = "Trino over HTTPS with password authentication and file access control, as on AWS"
                    + " (key stack.secure).")
    Boolean secure;

    @Option(
            names = "--trino-env",
            paramLabel = "VAR[,VAR...]",
            description = "Environment variables passed to every Trino process, for the secrets of catalogs added"
                    + " with 'catalog add --password-env' (key stack.trino-env).")
    String trinoEnvironment;

    Settings settings() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (dataDirectory != null) {
            flags.put(StackConfig.DATA_DIR, dataDirectory.toAbsolutePath().toString());
        }
        putIfSet(flags, StackConfig.POSTGRES_PORT, postgresPort);
        putIfSet(flags, StackConfig.METASTORE_PORT, metastorePort);
        putIfSet(flags, StackConfig.S3_PORT, s3Port);
        putIfSet(flags, StackConfig.TRINO_PORT, trinoPort);
        putIfSet(flags, StackConfig.TRINO_WORKERS, workers);
        if (secure != null) {
            flags.put(StackConfig.SECURE, secure.toString());
        }
        if (trinoEnvironment != null) {
            flags.put(StackConfig.TRINO_ENV, trinoEnvironment);
        }
        return config.settings(flags);
    }

    LocalStack stack() {
        Settings settings = settings();
        return new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
    }

    private static void putIfSet(Map<String, String> flags, String key, Integer value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
