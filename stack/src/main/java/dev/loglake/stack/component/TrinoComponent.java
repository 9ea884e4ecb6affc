package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A single-node Trino (coordinator and worker in one) with a {@code hive} catalog on the metastore and
 * native S3. Sized for a 2-core machine. S3 keys reach the catalog through environment variables
 * ({@code ${ENV:...}}), never through a file.
 */
public final class TrinoComponent extends ServerComponent {
    /** The name users see in messages. */
    public static final String NAME = "Trino";

    public static final String USER = "loglake";

    private final Path installation;
    private final Path javaHome;
    private final Path etc;
    private final Path data;
    /** The memory pool's room above the query memory: operators' small allocations outside the largest query. */
    private static final long POOL_MARGIN_MB = 64;

    private final String heap;
    private final String queryMemory;
    private final String metastoreUri;
    private final URI s3Endpoint;
    private final Map<String, String> s3Credentials;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public TrinoComponent(
            Path installation,
            Path javaHome,
            Path etc,
            Path data,
            int port,
            String heap,
            String queryMemory,
            String metastoreUri,
            URI s3Endpoint,
            String s3AccessKey,
            String s3SecretKey,
            ProcessFiles files) {
        super(NAME, port, files);
        this.installation = requireNonNull(installation, "installation is null");
        this.javaHome = requireNonNull(javaHome, "javaHome is null");
        this.etc = requireNonNull(etc, "etc is null");
        this.data = requireNonNull(data, "data is null");
        this.heap = requireNonNull(heap, "heap is null");
        this.queryMemory = requireNonNull(queryMemory, "queryMemory is null");
        this.metastoreUri = requireNonNull(metastoreUri, "metastoreUri is null");
        this.s3Endpoint = requireNonNull(s3Endpoint, "s3Endpoint is null");
        this.s3Credentials =
                Map.of("LOGLAKE_STACK_S3_ACCESS_KEY", s3AccessKey, "LOGLAKE_STACK_S3_SECRET_KEY", s3SecretKey);
    }

    public String jdbcUrl() {
        return "jdbc:trino://" + Ports.LOOPBACK + ":" + port();
    }

    @Override
    public void start() {
        writeConfiguration();
        Daemons.start(command(), installation, s3Credentials, files());
        HealthWait.until(this, Duration.ofSeconds(120), this::isStarted);
        HealthWait.until(this, Duration.ofSeconds(60), this::isHealthy);
    }

    /** The server answers and has finished starting. */
    private boolean isStarted() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + Ports.LOOPBACK + ":" + port() + "/v1/info"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"starting\":false");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A query that goes through the hive catalog to the metastore (the whole chain works), and the node has
     * announced itself as active: until the node manager has seen that announcement (a few seconds after
     * "starting" turned false), a query that reads a table fails with "No nodes available to run query".
     */
    @Override
    public boolean isHealthy() {
        if (process().isEmpty() || !isStarted()) {
            return false;
        }
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            try (ResultSet schemas = statement.executeQuery("SHOW SCHEMAS FROM hive")) {
                if (!schemas.next()) {
                    return false;
                }
            }
            try (ResultSet nodes =
                    statement.executeQuery("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'")) {
                return nodes.next() && nodes.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        stopProcess(Duration.ofSeconds(30));
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntimes.javaBinary(javaHome).toString(),
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-OmitStackTraceInFastThrow",
                "-XX:ReservedCodeCacheSize=256M",
                "-XX:+EnableDynamicAgentLoading",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                // What Trino's launcher passes from node.properties.
                "-Dnode.environment=loglake_local",
                "-Dnode.id=loglake-local",
                "-Dnode.data-dir=" + data,
                "-Dnode.bind-ip=" + Ports.LOOPBACK,
                "-Dconfig=" + etc.resolve("config.properties"),
                "-Dlog.levels-file=" + etc.resolve("log.properties"),
                // Everything on the console, which the stack appends to logs/trino.log: one log to read.
                "-Dlog.enable-console=true",
                "-cp",
                installation.resolve("lib") + "/*",
                "io.trino.server.TrinoServer"));
        return command;
    }

    private void writeConfiguration() {
        write(
                etc.resolve("config.properties"),
                String.join(
                        "\n",
                        "coordinator=true",
                        "node-scheduler.include-coordinator=true",
                        "http-server.http.port=" + port(),
                        "discovery.uri=http://" + Ports.LOOPBACK + ":" + port(),
                        "query.max-memory=" + queryMemory,
                        "query.max-memory-per-node=" + queryMemory,
                        // A busy day's sessions window or a backfill's aggregation may not fit in a query's memory:
                        // what does not fit spills to disk under the data directory instead of failing the load.
                        // Trino starts spilling when its memory pool (the heap less its headroom) is filled to the
                        // revoking threshold, not when a query nears its own limit: with the default headroom a
                        // query hit its limit before the pool was full enough, and nothing spilled. So the pool is
                        // the query's memory plus a little, and spilling starts when half the query's memory is
                        // used: revoking runs asynchronously while pages keep arriving, and a threshold close to
                        // the limit (60% of the pool was 90% of a 128 MB query) let a query reach its limit first.
                        "memory.heap-headroom-per-node=" + headroomMegabytes() + "MB",
                        "memory-revoking-threshold=" + revokingThreshold(),
                        "memory-revoking-target=" + revokingTarget(),
                        "spill-enabled=true",
                        "spiller-spill-path=" + data.resolve("spill"),
                        "max-spill-per-node=50GB",
                        "query-max-spill-per-node=20GB",
                        "task.concurrency=2",
                        "task.max-worker-threads=4",
                        "catalog.config-dir=" + etc.resolve("catalog"),
                        "plugin.dir=" + installation.resolve("plugin"),
                        // Announce loopback: the default would announce the host's address to itself.
                        "node.internal-address=" + Ports.LOOPBACK,
                        ""));
        write(etc.resolve("log.properties"), "io.trino=INFO\n");
        write(
                etc.resolve("catalog").resolve("hive.properties"),
                String.join(
                        "\n",
                        "connector.name=hive",
                        "hive.metastore.uri=" + metastoreUri,
                        "fs.native-s3.enabled=true",
                        "s3.endpoint=" + s3Endpoint,
                        "s3.path-style-access=true",
                        "s3.region=us-east-1",
                        "s3.aws-access-key=${ENV:LOGLAKE_STACK_S3_ACCESS_KEY}",
                        "s3.aws-secret-key=${ENV:LOGLAKE_STACK_S3_SECRET_KEY}",
                        // loglake writes external raw tables' partitions and registers partitions of its own.
                        "hive.non-managed-table-writes-enabled=true",
                        "hive.allow-register-partition-procedure=true",
                        // Parquet with ZSTD: GZIP, the connector's default, doubles the cost of every write.
                        "hive.storage-format=PARQUET",
                        "hive.compression-codec=ZSTD",
                        // Trino 476 cannot read back the timestamp column statistics that Hive Metastore 4 stores
                        // (trinodb/trino#24988, #26214): the second write to a table with a timestamp column would
                        // fail. loglake's runner runs ANALYZE on the other columns instead.
                        "hive.collect-column-statistics-on-write=false",
                        ""));
    }

    /** The share of the memory pool at which Trino starts spilling: half of a query's memory. */
    String revokingThreshold() {
        return poolShare(StackConfig.megabytes(queryMemory) / 2.0);
    }

    /** Spilling frees memory down to a quarter of a query's memory, so the next revoke is not immediate. */
    String revokingTarget() {
        return poolShare(StackConfig.megabytes(queryMemory) / 4.0);
    }

    private String poolShare(double megabytes) {
        double pool = StackConfig.megabytes(queryMemory) + POOL_MARGIN_MB;
        return String.format(Locale.ROOT, "%.3f", megabytes / pool);
    }

    /** The heap less the query memory and a margin: what Trino keeps out of its memory pool. */
    private long headroomMegabytes() {
        return StackConfig.megabytes(heap) - StackConfig.megabytes(queryMemory) - POOL_MARGIN_MB;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
