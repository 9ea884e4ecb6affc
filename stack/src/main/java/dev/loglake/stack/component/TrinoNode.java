package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every Trino process of the stack shares, coordinator or worker: the installation, plugins and JDK, the heap
 * and query memory, the {@code hive} catalog, dynamic catalog management, and how the JVM is launched. S3 keys reach
 * the catalog through environment variables ({@code ${ENV:...}}), never through a file; so do the secrets of
 * catalogs added at runtime, whose variables the stack passes on ({@code environment}).
 */
public record TrinoNode(
        Path installation,
        Path pluginDirectory,
        Path javaHome,
        String heap,
        String queryMemory,
        int workers,
        String metastoreUri,
        URI s3Endpoint,
        Path exchangeDirectory,
        Map<String, String> environment) {
    /** The memory pool's room above the query memory: operators' small allocations outside the largest query. */
    private static final long POOL_MARGIN_MB = 64;

    public TrinoNode {
        requireNonNull(installation, "installation is null");
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        requireNonNull(javaHome, "javaHome is null");
        requireNonNull(heap, "heap is null");
        requireNonNull(queryMemory, "queryMemory is null");
        if (workers < 0) {
            throw new IllegalArgumentException("workers is negative: " + workers);
        }
        requireNonNull(metastoreUri, "metastoreUri is null");
        requireNonNull(s3Endpoint, "s3Endpoint is null");
        requireNonNull(exchangeDirectory, "exchangeDirectory is null");
        environment = Map.copyOf(environment);
    }

    /**
     * The Trino process on {@code port} answers and has finished starting: {@code /v1/info} is public, also on a
     * secure coordinator's internal HTTP port, and says {@code "starting":false} once every plugin is loaded.
     */
    static boolean hasStarted(HttpClient http, int port) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + Ports.LOOPBACK + ":" + port + "/v1/info"))
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

    public static TrinoNode of(
            Path installation,
            Path pluginDirectory,
            Path javaHome,
            String heap,
            String queryMemory,
            int workers,
            String metastoreUri,
            URI s3Endpoint,
            Path exchangeDirectory,
            String s3AccessKey,
            String s3SecretKey) {
        return new TrinoNode(
                installation,
                pluginDirectory,
                javaHome,
                heap,
                queryMemory,
                workers,
                metastoreUri,
                s3Endpoint,
                exchangeDirectory,
                Map.of("LOGLAKE_STACK_S3_ACCESS_KEY", s3AccessKey, "LOGLAKE_STACK_S3_SECRET_KEY", s3SecretKey));
    }

    /**
     * A copy whose processes also get {@code more} in their environment: the secure stack's secrets, and the
     * variables that catalogs added at runtime name as {@code ${ENV:...}}.
     */
    public TrinoNode withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new TrinoNode(
                installation,
                pluginDirectory,
                javaHome,
                heap,
                queryMemory,
                workers,
                metastoreUri,
                s3Endpoint,
                exchangeDirectory,
                merged);
    }

    /**
     * Catalogs are managed at runtime ({@code CREATE CATALOG}, {@code DROP CATALOG}) on every node: workers get a
     * catalog's properties from the coordinator. The plugins are loaded from the stack's plugin folder, the same on
     * every node, since a worker runs the tasks of a catalog it was never configured with.
     */
    List<String> catalogProperties() {
        return List.of("catalog.management=dynamic", "plugin.dir=" + pluginDirectory);
    }

    /**
     * The coordinator keeps its catalogs in the file store, the catalog folder, so that a created catalog is there
     * again after a restart. Trino reads the store's settings from {@code etc/catalog-store.properties} under its
     * working directory (not from config.properties, which refuses the key): each node runs in its own folder,
     * {@link #workingDirectory}.
     */
    void writeCatalogStore(Path etc) {
        write(
                etc.resolve("catalog-store.properties"),
                "catalog.config-dir=" + etc.resolve("catalog") + "\n"
                        // CREATE CATALOG and DROP CATALOG write to the store; read-only would refuse both.
                        + "catalog.read-only=false\n");
    }

    /** A node's working directory: the folder of its own etc/, where Trino looks for etc/catalog-store.properties. */
    static Path workingDirectory(Path etc) {
        return etc.toAbsolutePath().getParent();
    }

    List<String> command(String nodeId, Path etc, Path data) {
        return List.of(
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
                "-Dnode.id=" + nodeId,
                "-Dnode.data-dir=" + data,
                "-Dnode.bind-ip=" + Ports.LOOPBACK,
                "-Dconfig=" + etc.resolve("config.properties"),
                "-Dlog.levels-file=" + etc.resolve("log.properties"),
                // Everything on the console, which the stack appends to logs/<name>.log: one log to read.
                "-Dlog.enable-console=true",
                "-cp",
                installation.resolve("lib") + "/*",
                "io.trino.server.TrinoServer");
    }

    /** The settings of a node's memory, spilling and threads: the same on every node. */
    List<String> executionProperties(Path data) {
        return List.of(
                "query.max-memory=" + clusterQueryMemory(),
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
                "task.max-worker-threads=4");
    }

    /**
     * The node's log levels, its hive catalog and its exchange manager, which every node needs. The exchange is where
     * fault-tolerant execution spools each task's output, so that the tasks of a lost worker run again on another
     * from their spooled input: one folder that every process of this host reaches (on Kubernetes, an S3 bucket).
     * It is there on every stack and used only by the statements that ask for {@code retry_policy} TASK (the
     * transform with {@code transform.retry-policy=task}); other statements run as without it.
     */
    void writeCommonFiles(Path etc) {
        write(etc.resolve("log.properties"), "io.trino=INFO\n");
        write(
                etc.resolve("exchange-manager.properties"),
                "exchange-manager.name=filesystem\nexchange.base-directories=" + exchangeDirectory.toAbsolutePath()
                        + "\n");
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
                        // A closed raw day is one partition, its day folder, read with its hour folders.
                        "hive.recursive-directories=true",
                        // Parquet with ZSTD: GZIP, the connector's default, doubles the cost of every write.
                        "hive.storage-format=PARQUET",
                        "hive.compression-codec=ZSTD",
                        // Trino 476 cannot read back the timestamp column statistics that Hive Metastore 4 stores
                        // (trinodb/trino#24988, #26214): the second write to a table with a timestamp column would
                        // fail. loglake's runner runs ANALYZE on the other columns instead.
                        "hive.collect-column-statistics-on-write=false",
                        ""));
    }

    /**
     * One query's memory on all the nodes that run tasks together: each worker's query memory, as the Helm values
     * give the cluster (query.maxMemory). Equal to one node's, two workers' halves of a query reached the limit
     * before either worker's pool was full enough to spill: "Query exceeded distributed user memory limit".
     */
    String clusterQueryMemory() {
        return StackConfig.megabytes(queryMemory) * Math.max(1, workers) + "MB";
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
        return String.format(java.util.Locale.ROOT, "%.3f", megabytes / pool);
    }

    /** The heap less the query memory and a margin: what Trino keeps out of its memory pool. */
    private long headroomMegabytes() {
        return StackConfig.megabytes(heap) - StackConfig.megabytes(queryMemory) - POOL_MARGIN_MB;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        // The environment holds the S3 keys and, on the secure stack, Trino's secrets.
        return "TrinoNode[" + installation + ", heap " + heap + "]";
    }
}
