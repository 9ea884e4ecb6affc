package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Trino worker process: it runs the tasks the coordinator schedules and announces itself to the
 * coordinator's discovery service. The stack starts workers before the coordinator, whose health check then
 * waits until every worker is active.
 */
public final class TrinoWorkerComponent extends ServerComponent {
    private final int number;
    private final TrinoNode node;
    private final Path etc;
    private final Path data;
    private final int coordinatorHttpPort;
    private final Optional<SecureTrino> security;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public TrinoWorkerComponent(
            int number,
            TrinoNode node,
            Path etc,
            Path data,
            int port,
            int coordinatorHttpPort,
            Optional<SecureTrino> security,
            ProcessFiles files) {
        super(name(number), port, files);
        if (number < 1) {
            throw new IllegalArgumentException("worker number must be 1 or more, got " + number);
        }
        this.number = number;
        this.etc = requireNonNull(etc, "etc is null");
        this.data = requireNonNull(data, "data is null");
        this.coordinatorHttpPort = coordinatorHttpPort;
        this.security = requireNonNull(security, "security is null");
        this.node = security.map(secure -> requireNonNull(node, "node is null").withEnvironment(secure.environment()))
                .orElse(requireNonNull(node, "node is null"));
    }

    /** The name users see, also the stack's name for {@code kill} and {@code stop}: "Trino worker 1". */
    public static String name(int number) {
        return "Trino worker " + number;
    }

    /** The node id the worker announces, which system.runtime.nodes and Trino's errors show. */
    public String nodeId() {
        return "loglake-worker-" + number;
    }

    @Override
    public void start() {
        writeConfiguration();
        Daemons.start(node.command(nodeId(), etc, data), TrinoNode.workingDirectory(etc), node.environment(), files());
        // A worker starts as slowly as a single node, and later ones share the cores with the earlier ones.
        HealthWait.until(this, Duration.ofSeconds(240), this::isHealthy);
    }

    /** The worker has finished starting; whether the coordinator sees it is the coordinator's health check. */
    @Override
    public boolean isHealthy() {
        return process().isPresent() && TrinoNode.hasStarted(http, port());
    }

    @Override
    public void stop() {
        stopProcess(Duration.ofSeconds(30));
    }

    private void writeConfiguration() {
        List<String> properties = new ArrayList<>(List.of(
                "coordinator=false",
                "http-server.http.port=" + port(),
                "discovery.uri=http://" + Ports.LOOPBACK + ":" + coordinatorHttpPort));
        security.ifPresent(secure -> properties.addAll(secure.nodeProperties()));
        properties.addAll(node.executionProperties(data));
        properties.addAll(node.catalogProperties());
        properties.add("node.internal-address=" + Ports.LOOPBACK);
        properties.add("");
        TrinoNode.write(etc.resolve("config.properties"), String.join("\n", properties));
        node.writeCommonFiles(etc);
    }
}
