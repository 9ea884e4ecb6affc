package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Trino's coordinator with a {@code hive} catalog on the metastore and native S3. With no workers it is a single
 * node (coordinator and worker in one), sized for a 2-core machine; with workers it schedules no work on itself.
 * With {@link SecureTrino} it speaks HTTPS with password authentication and file access control.
 */
public final class TrinoComponent extends ServerComponent {
    /** The name users see in messages. */
    public static final String NAME = "Trino";

    public static final String USER = "loglake";

    private final TrinoNode node;
    private final Path etc;
    private final Path data;
    private final int workers;
    private final Optional<SecureTrino> security;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public TrinoComponent(
            TrinoNode node,
            Path etc,
            Path data,
            int port,
            int workers,
            Optional<SecureTrino> security,
            ProcessFiles files) {
        super(NAME, port, files);
        this.etc = requireNonNull(etc, "etc is null");
        this.data = requireNonNull(data, "data is null");
        this.security = requireNonNull(security, "security is null");
        this.node = security.map(secure -> requireNonNull(node, "node is null").withEnvironment(secure.environment()))
                .orElse(requireNonNull(node, "node is null"));
        if (workers < 0) {
            throw new IllegalArgumentException("workers is negative: " + workers);
        }
        this.workers = workers;
    }

    public String jdbcUrl() {
        return security.map(secure -> secure.jdbcUrl(port())).orElse("jdbc:trino://" + Ports.LOOPBACK + ":" + port());
    }

    /** The port the nodes talk HTTP on: the client port, or the internal one when clients get HTTPS only. */
    public int httpPort() {
        return security.map(SecureTrino::internalPort).orElse(port());
    }

    @Override
    public void start() {
        writeConfiguration();
        Daemons.start(
                node.command("loglake-local", etc, data), TrinoNode.workingDirectory(etc), node.environment(), files());
        // Beside its workers the coordinator shares the cores with several JVMs that are still warming up: on a
        // busy 2-core machine it was seen to need more than the single node's 120 s.
        HealthWait.until(this, Duration.ofSeconds(workers == 0 ? 120 : 240), this::isStarted);
        HealthWait.until(this, Duration.ofSeconds(60), this::isHealthy);
    }

    /** The server answers and has finished starting. */
    private boolean isStarted() {
        return TrinoNode.hasStarted(http, httpPort());
    }

    /**
     * A query that goes through the hive catalog to the metastore (the whole chain works), and the nodes that run
     * queries have announced themselves as active: until the node manager has seen that announcement (a few
     * seconds after "starting" turned false), a query that reads a table fails with "No nodes available to run
     * query". With workers, all of them must be active.
     */
    @Override
    public boolean isHealthy() {
        if (process().isEmpty() || !isStarted()) {
            return false;
        }
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        security.ifPresent(
                secure -> properties.setProperty("password", secure.secrets().loglakePassword()));
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            try (ResultSet schemas = statement.executeQuery("SHOW SCHEMAS FROM hive")) {
                if (!schemas.next()) {
                    return false;
                }
            }
            String workerNodes = workers == 0 ? "" : " AND NOT coordinator";
            try (ResultSet nodes = statement.executeQuery(
                    "SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'" + workerNodes)) {
                return nodes.next() && nodes.getLong(1) >= Math.max(1, workers);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        stopProcess(Duration.ofSeconds(30));
    }

    private void writeConfiguration() {
        List<String> properties = new ArrayList<>(List.of(
                "coordinator=true",
                // With workers the coordinator only plans and schedules, as on the cluster.
                "node-scheduler.include-coordinator=" + (workers == 0)));
        if (security.isPresent()) {
            security.get().prepareCoordinator(etc);
            properties.addAll(security.get().coordinatorProperties(port(), etc));
            properties.addAll(security.get().nodeProperties());
        } else {
            properties.add("http-server.http.port=" + port());
        }
        properties.add("discovery.uri=http://" + Ports.LOOPBACK + ":" + httpPort());
        properties.addAll(node.executionProperties(data));
        properties.addAll(node.catalogProperties());
        // Announce loopback: the default would announce the host's address to itself.
        properties.add("node.internal-address=" + Ports.LOOPBACK);
        properties.add("");
        TrinoNode.write(etc.resolve("config.properties"), String.join("\n", properties));
        node.writeCommonFiles(etc);
        node.writeCatalogStore(etc);
    }
}
