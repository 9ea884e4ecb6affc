package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of the local stack: where it keeps data and downloads, its ports and its JDKs.
 *
 * @param trinoJavaHome a JDK 24+ for Trino; empty to search the usual JDK folders
 * @param serviceJavaHome the JDK 17 for the metastore and the S3 server; empty for the running JVM's
 * @param trinoQueryMemory the memory one query may use on the local Trino (query.max-memory-per-node); what does
 *     not fit spills to disk
 * @param trinoWorkers worker processes beside the coordinator; 0 for one node that is both
 * @param secure HTTPS, password authentication and file access control on Trino (the rehearsal of production)
 * @param trinoEnvironment names of environment variables that {@code stack up} passes from its own environment to
 *     every Trino process: the secrets that catalogs added at runtime name as {@code ${ENV:...}}
 */
public record StackConfig(
        Path dataDirectory,
        Path cacheDirectory,
        URI mavenRepository,
        Ports ports,
        Optional<Path> trinoJavaHome,
        Optional<Path> serviceJavaHome,
        String trinoHeap,
        String trinoQueryMemory,
        int trinoWorkers,
        boolean secure,
        List<String> trinoEnvironment) {
    public static final String DATA_DIR = "stack.data-dir";
    public static final String CACHE_DIR = "stack.cache-dir";
    public static final String MAVEN_REPOSITORY = "stack.maven-repository";
    public static final String POSTGRES_PORT = "stack.postgres-port";
    public static final String METASTORE_PORT = "stack.metastore-port";
    public static final String S3_PORT = "stack.s3-port";
    public static final String TRINO_PORT = "stack.trino-port";
    public static final String TRINO_JAVA_HOME = "stack.trino-java-home";
    public static final String SERVICE_JAVA_HOME = "stack.service-java-home";
    public static final String TRINO_HEAP = "stack.trino-heap";
    public static final String TRINO_QUERY_MEMORY = "stack.trino-query-memory";
    public static final String TRINO_WORKERS = "stack.trino-workers";
    public static final String SECURE = "stack.secure";
    public static final String TRINO_ENV = "stack.trino-env";

    /** More workers than this would not fit the small machines the stack is for; production scales on EKS. */
    public static final int MAX_TRINO_WORKERS = 4;

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(
                    DATA_DIR, "~/.local/share/loglake/stack", "Where the local stack keeps its data and logs."),
            ConfigProperty.of(CACHE_DIR, "~/.cache/loglake", "Where downloaded stack artifacts are cached."),
            ConfigProperty.of(
                    MAVEN_REPOSITORY,
                    "https://repo1.maven.org/maven2",
                    "Maven repository the stack's artifacts come from."),
            ConfigProperty.of(POSTGRES_PORT, "15432", "Port of the local PostgreSQL (metastore database)."),
            ConfigProperty.of(METASTORE_PORT, "19083", "Thrift port of the local Hive Metastore."),
            ConfigProperty.of(S3_PORT, "19000", "Port of the local S3-compatible server."),
            ConfigProperty.of(TRINO_PORT, "18080", "HTTP port of the local Trino server."),
            ConfigProperty.of(TRINO_JAVA_HOME, "", "JDK 24 or newer for Trino; empty to search /usr/lib/jvm."),
            ConfigProperty.of(
                    SERVICE_JAVA_HOME, "", "JDK 17 for the metastore and the S3 server; empty for loglake's own JVM."),
            ConfigProperty.of(TRINO_HEAP, "2G", "Maximum heap of the local Trino server (-Xmx)."),
            ConfigProperty.of(
                    TRINO_QUERY_MEMORY,
                    "1GB",
                    "Memory one query may use on the local Trino; what does not fit spills to disk under the data"
                            + " directory."),
            ConfigProperty.of(
                    TRINO_WORKERS,
                    "0",
                    "Trino worker processes beside the coordinator (0 to " + MAX_TRINO_WORKERS + "); 0 runs one node"
                            + " that is coordinator and worker. Worker i listens on stack.trino-port + 1 + i."),
            ConfigProperty.of(
                    SECURE,
                    "false",
                    "Trino over HTTPS only (self-signed certificate), with password authentication, a shared"
                            + " secret between its nodes and the access-control rules of k8s/trino; the coordinator's"
                            + " internal HTTP port is stack.trino-port + 1."),
            ConfigProperty.of(
                    TRINO_ENV,
                    "",
                    "Names of environment variables (comma-separated) that 'stack up' passes from its own environment"
                            + " to every Trino process, for the secrets of catalogs added with 'loglake catalog add"
                            + " --password-env VAR'. Trino reads them when it starts: restart it after a change."));

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[mMgG]");
    private static final Pattern DATA_SIZE = Pattern.compile("[1-9][0-9]*(MB|GB)");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The local stack's four ports; they must differ. */
    public record Ports(int postgres, int metastore, int s3, int trino) {
        public Ports {
            Set<Integer> distinct = new HashSet<>(List.of(postgres, metastore, s3, trino));
            if (distinct.size() != 4) {
                throw LoglakeException.user(
                        "The local stack's ports must all differ, got postgres=%d metastore=%d s3=%d trino=%d.",
                        postgres, metastore, s3, trino);
            }
        }
    }

    public StackConfig {
        if (trinoWorkers < 0 || trinoWorkers > MAX_TRINO_WORKERS) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a number of worker processes from 0 to %d.",
                    TRINO_WORKERS, trinoWorkers, MAX_TRINO_WORKERS);
        }
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(cacheDirectory, "cacheDirectory is null");
        requireNonNull(mavenRepository, "mavenRepository is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(trinoJavaHome, "trinoJavaHome is null");
        requireNonNull(serviceJavaHome, "serviceJavaHome is null");
        requireNonNull(trinoHeap, "trinoHeap is null");
        if (!HEAP.matcher(trinoHeap).matches()) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected a heap size such as 1536m or 2G.", TRINO_HEAP, trinoHeap);
        }
        requireNonNull(trinoQueryMemory, "trinoQueryMemory is null");
        if (!DATA_SIZE.matcher(trinoQueryMemory).matches()) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected a size in MB or GB such as 512MB or 1GB.",
                    TRINO_QUERY_MEMORY, trinoQueryMemory);
        }
        if (megabytes(trinoQueryMemory) + 512 > megabytes(trinoHeap)) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' leaves too little of the heap (%s=%s) to Trino itself. Expected at"
                            + " least 512 MB less than the heap, such as 1GB with a heap of 2G.",
                    TRINO_QUERY_MEMORY, trinoQueryMemory, TRINO_HEAP, trinoHeap);
        }
        requireTrinoPortsFree(ports, trinoWorkers, secure);
        trinoEnvironment = List.copyOf(trinoEnvironment);
        for (String variable : trinoEnvironment) {
            if (!VARIABLE.matcher(variable).matches()) {
                throw LoglakeException.user(
                        "Invalid value for %s: '%s' is not an environment variable's name. Expected names such as"
                                + " SHOP_DB_PASSWORD, separated by commas.",
                        TRINO_ENV, variable);
            }
        }
    }

    /**
     * The coordinator's internal HTTP port when {@link #secure()} (its client port then speaks HTTPS only): the
     * port after {@code stack.trino-port}.
     */
    public int trinoInternalPort() {
        return ports.trino() + 1;
    }

    /** The HTTP port of worker {@code worker} (1 to {@link #trinoWorkers()}). */
    public int trinoWorkerPort(int worker) {
        if (worker < 1 || worker > trinoWorkers) {
            throw new IllegalArgumentException("No Trino worker " + worker + " in a stack of " + trinoWorkers);
        }
        return ports.trino() + 1 + worker;
    }

    /**
     * The ports Trino's extra processes take after stack.trino-port must not be another component's: the stack
     * would otherwise fail half-way through its start on a port it gave itself.
     */
    private static void requireTrinoPortsFree(Ports ports, int trinoWorkers, boolean secure) {
        int extra = trinoWorkers + (secure || trinoWorkers > 0 ? 1 : 0);
        if (ports.trino() + extra > 65535) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d leaves no room for the %d ports after it that %s=%d and %s=%s take.",
                    TRINO_PORT, ports.trino(), extra, TRINO_WORKERS, trinoWorkers, SECURE, secure);
        }
        for (int port : List.of(ports.postgres(), ports.metastore(), ports.s3())) {
            if (port > ports.trino() && port <= ports.trino() + extra) {
                throw LoglakeException.user(
                        "Invalid ports: %s=%d with %s=%d and %s=%s takes ports %d to %d, and %d belongs to another"
                                + " component. Expected the other ports outside that range.",
                        TRINO_PORT,
                        ports.trino(),
                        TRINO_WORKERS,
                        trinoWorkers,
                        SECURE,
                        secure,
                        ports.trino(),
                        ports.trino() + extra,
                        port);
            }
        }
    }

    public static StackConfig from(Settings settings) {
        return new StackConfig(
                expandHome(settings.get(DATA_DIR).trim()),
                expandHome(settings.get(CACHE_DIR).trim()),
                URI.create(stripTrailingSlash(settings.get(MAVEN_REPOSITORY).trim())),
                new Ports(
                        settings.getPort(POSTGRES_PORT),
                        settings.getPort(METASTORE_PORT),
                        settings.getPort(S3_PORT),
                        settings.getPort(TRINO_PORT)),
                settings.getOptional(TRINO_JAVA_HOME).map(value -> expandHome(value.trim())),
                settings.getOptional(SERVICE_JAVA_HOME).map(value -> expandHome(value.trim())),
                settings.get(TRINO_HEAP).trim(),
                settings.get(TRINO_QUERY_MEMORY).trim(),
                workers(settings),
                settings.getBoolean(SECURE),
                settings.getOptional(TRINO_ENV)
                        .map(value -> java.util.Arrays.stream(value.split(","))
                                .map(String::trim)
                                .filter(name -> !name.isEmpty())
                                .toList())
                        .orElse(List.of()));
    }

    private static int workers(Settings settings) {
        String raw = settings.get(TRINO_WORKERS).trim();
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a number of worker processes from 0 to %d.",
                    TRINO_WORKERS, raw, settings.source(TRINO_WORKERS), MAX_TRINO_WORKERS);
        }
    }

    /** Megabytes of a heap size (1536m, 2G) or a data size (512MB, 1GB). */
    public static long megabytes(String size) {
        String upper = size.toUpperCase(java.util.Locale.ROOT).replaceFirst("B$", "");
        long number = Long.parseLong(upper.substring(0, upper.length() - 1));
        return upper.endsWith("G") ? number * 1024 : number;
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1)).toAbsolutePath();
        }
        return Path.of(path).toAbsolutePath();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
