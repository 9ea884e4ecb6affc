package dev.loglake.testing;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.FileTrees;
import dev.loglake.stack.LocalStack;
import dev.loglake.stack.process.Ports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stack of one test class's own, beside the run's shared one ({@link LocalStackExtension}): its own data
 * directory under {@code target/}, free ports and settings (workers, the secure mode). The class stops it.
 */
public final class OwnStack implements AutoCloseable {
    private final LocalStack stack;
    private final TestStack testStack;

    private OwnStack(LocalStack stack, TestStack testStack) {
        this.stack = requireNonNull(stack, "stack is null");
        this.testStack = requireNonNull(testStack, "testStack is null");
    }

    /**
     * Starts a stack named {@code name} with {@code overrides} on top of the test defaults, and waits until it is
     * healthy. Trino's extra processes take the ports after stack.trino-port, so that port starts a free block.
     */
    public static OwnStack start(String name, Map<String, String> overrides) {
        Path dataDirectory = Path.of(System.getProperty("loglake.test.stack-dir", "target/test-stacks"))
                .resolve(name + "-" + ProcessHandle.current().pid())
                .toAbsolutePath();
        FileTrees.deleteRecursively(dataDirectory);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(StackConfig.DATA_DIR, dataDirectory.toString());
        settings.put(StackConfig.TRINO_PORT, Integer.toString(freeBlock(StackConfig.MAX_TRINO_WORKERS + 2)));
        settings.put(StackConfig.POSTGRES_PORT, Integer.toString(Ports.findFree()));
        settings.put(StackConfig.METASTORE_PORT, Integer.toString(Ports.findFree()));
        settings.put(StackConfig.S3_PORT, Integer.toString(Ports.findFree()));
        settings.putAll(overrides);
        Settings resolved = Settings.defaults().with(settings, "test");
        LocalStack stack = new LocalStack(StackConfig.from(resolved), LakeConfig.from(resolved));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::down, "stop-" + name));
        try {
            stack.up();
        } catch (RuntimeException e) {
            stack.down();
            throw e;
        }
        Settings connected = resolved.with(stack.connectionSettings(stack.credentials()), "test stack " + name);
        return new OwnStack(stack, new TestStack(stack, connected));
    }

    public LocalStack stack() {
        return stack;
    }

    /** The view tests and fixtures (such as TransformFixture) use, as for the shared stack. */
    public TestStack testStack() {
        return testStack;
    }

    /** Stops every process of the stack; its data and logs stay under target/ for a look after a failure. */
    @Override
    public void close() {
        stack.down();
    }

    /** The first of {@code size} consecutive free loopback ports. */
    private static int freeBlock(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = Ports.findFree();
            boolean free = first + size <= 65535;
            for (int port = first + 1; free && port < first + size; port++) {
                free = Ports.isFree(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("No " + size + " consecutive free loopback ports after 50 attempts");
    }
}
