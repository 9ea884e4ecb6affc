package dev.loglake.testing;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.FileTrees;
import dev.loglake.stack.LocalStack;
import dev.loglake.stack.process.Ports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one local stack for the whole test run, on free ports and in a fresh data directory under
 * {@code target/}, and stops it when the run ends. Tests get a {@link TestStack} parameter. Tests never
 * use a stack a developer started by hand: this one has its own ports, data and credentials.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
    /** The test stack's query memory (stack.trino-query-memory). */
    public static final String QUERY_MEMORY = "128MB";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    /**
     * Starts the run's stack on the first test class; before every later class, brings back any component an
     * earlier class stopped or killed (a fault test that failed half-way), so one failure never cascades into
     * the classes after it.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        boolean started = context.getRoot().getStore(NAMESPACE).get(RunningStack.class) != null;
        TestStack stack = stack(context);
        if (started) {
            stack.restartStopped();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static TestStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningStack.class, key -> RunningStack.start(), RunningStack.class)
                .testStack();
    }

    /** The stack of this test run; JUnit closes it when the run ends. */
    private record RunningStack(LocalStack stack, TestStack testStack)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static RunningStack start() {
            // One folder per test JVM, so that two test runs in the same checkout never share a stack.
            Path dataDirectory = Path.of(System.getProperty("loglake.test.stack-dir", "target/test-stacks"))
                    .resolve("stack-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            FileTrees.deleteRecursively(dataDirectory);
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put(StackConfig.DATA_DIR, dataDirectory.toString());
            overrides.put(StackConfig.POSTGRES_PORT, Integer.toString(Ports.findFree()));
            overrides.put(StackConfig.METASTORE_PORT, Integer.toString(Ports.findFree()));
            overrides.put(StackConfig.S3_PORT, Integer.toString(Ports.findFree()));
            overrides.put(StackConfig.TRINO_PORT, Integer.toString(Ports.findFree()));
            // A query memory that a day of a few hundred thousand requests exceeds (the sessions window holds the
            // day): every test's load relies on spilling to disk, as a busy day does on the default stack
            // (TestBusyDayWithinQueryMemory shows the bound).
            overrides.put(StackConfig.TRINO_QUERY_MEMORY, QUERY_MEMORY);
            Settings settings = Settings.defaults().with(overrides, "test");
            LocalStack stack = new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
            Thread stopOnExit = new Thread(stack::down, "stop-test-stack");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            stack.up();
            Settings connected = settings.with(stack.connectionSettings(stack.credentials()), "test stack");
            return new RunningStack(stack, new TestStack(stack, connected));
        }

        /** Stops the stack; its data and logs stay under target/ for a look after a failed test. */
        @Override
        public void close() {
            stack.down();
        }
    }
}
