package dev.loglake.testing;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.stack.LocalStack;
import java.sql.Connection;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a test gets from {@link LocalStackExtension}: the settings of the running local stack and clients
 * built from them. The stack is shared by every test of the run; tests keep apart by using their own
 * schemas, buckets or key prefixes.
 */
public final class TestStack {
    private final LocalStack stack;
    private final Settings settings;

    TestStack(LocalStack stack, Settings settings) {
        this.stack = requireNonNull(stack, "stack is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Settings that point at this stack, as {@code loglake} commands would resolve them. */
    public Settings settings() {
        return settings;
    }

    public LocalStack stack() {
        return stack;
    }

    public S3Config s3Config() {
        return S3Config.from(settings);
    }

    public LakeConfig lake() {
        return LakeConfig.from(settings);
    }

    public TrinoConfig trinoConfig() {
        return TrinoConfig.from(settings);
    }

    /** A new S3 client; the caller closes it. */
    public S3Client newS3Client() {
        return S3Clients.create(s3Config());
    }

    /** A new Trino connection with the {@code hive} catalog selected; the caller closes it. */
    public Connection openTrino() {
        return new TrinoConnections(trinoConfig()).open();
    }

    /** Kills one component with SIGKILL, as a crash would (see {@link LocalStack#kill}). */
    public void kill(String componentName) {
        stack.kill(componentName);
    }

    /** Stops one component cleanly (see {@link LocalStack#stop}). */
    public void stop(String componentName) {
        stack.stop(componentName);
    }

    /** Starts every component that is not running, and waits until each is healthy. */
    public void restartStopped() {
        stack.up();
    }
}
