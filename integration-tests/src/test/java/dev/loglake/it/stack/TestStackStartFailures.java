package dev.loglake.it.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.ComponentStatus;
import dev.loglake.stack.LocalStack;
import dev.loglake.stack.process.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack that cannot start says why, names what to change, and starts nothing. */
class TestStackStartFailures {
    @TempDir
    Path dataDirectory;

    @Test
    void aPortInUseIsNamedWithItsComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            LocalStack stack = stack(Map.of(StackConfig.POSTGRES_PORT, Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(stack::up)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for PostgreSQL is already in use")
                    .hasMessageContaining("another port");
            assertThat(stack.status()).noneMatch(ComponentStatus::running);
        }
    }

    @Test
    void aTrinoJdkOlderThan24IsRejectedBeforeAnythingStarts() {
        LocalStack stack = stack(Map.of(StackConfig.TRINO_JAVA_HOME, System.getProperty("java.home")));

        assertThatThrownBy(stack::up)
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("needs Java 24 or newer")
                .hasMessageContaining("stack.trino-java-home");
        assertThat(stack.status()).noneMatch(ComponentStatus::running);
    }

    private LocalStack stack(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(overrides);
        values.put(StackConfig.DATA_DIR, dataDirectory.toString());
        values.putIfAbsent(StackConfig.POSTGRES_PORT, Integer.toString(Ports.findFree()));
        values.put(StackConfig.METASTORE_PORT, Integer.toString(Ports.findFree()));
        values.put(StackConfig.S3_PORT, Integer.toString(Ports.findFree()));
        values.put(StackConfig.TRINO_PORT, Integer.toString(Ports.findFree()));
        Settings settings = Settings.defaults().with(values, "test");
        return new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
    }
}
