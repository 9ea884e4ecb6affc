package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.StackConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.stack.artifact.ArtifactCache;
import dev.loglake.stack.artifact.Distributions;
import dev.loglake.stack.component.Component;
import dev.loglake.stack.component.MetastoreComponent;
import dev.loglake.stack.component.MetastoreEntrypoint;
import dev.loglake.stack.component.PostgresComponent;
import dev.loglake.stack.component.S3ServerComponent;
import dev.loglake.stack.component.SecureTrino;
import dev.loglake.stack.component.TrinoComponent;
import dev.loglake.stack.component.TrinoNode;
import dev.loglake.stack.component.TrinoWorkerComponent;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The local stack: PostgreSQL, the Hive Metastore, an S3 server and Trino, real servers on 127.0.0.1,
 * started in dependency order with a health check each, and stopped in reverse order.
 */
public final class LocalStack {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackConfig config;
    private final LakeConfig lake;
    private final StackLayout layout;
    private final Distributions distributions;
    private final Map<String, String> environment;

    public LocalStack(StackConfig config, LakeConfig lake) {
        this(config, lake, System.getenv());
    }

    /**
     * A stack whose {@code stack up} takes the variables {@link StackConfig#trinoEnvironment()} names from {@code
     * environment} (this process's, or a test's own) and passes them to every Trino process.
     */
    public LocalStack(StackConfig config, LakeConfig lake, Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.config = requireNonNull(config, "config is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.layout = new StackLayout(config.dataDirectory());
        this.distributions = new Distributions(
                new ArtifactCache(config.cacheDirectory(), config.mavenRepository()),
                config.cacheDirectory(),
                ComponentVersions.load());
    }

    public StackLayout layout() {
        return layout;
    }

    public StackConfig config() {
        return config;
    }

    /** The result of {@link #up()}: how to reach the stack, and whether it was already running. */
    public record UpResult(StackEndpoints endpoints, boolean alreadyRunning, Duration elapsed) {}

    /**
     * Starts whatever is not running yet. On a healthy running stack it only writes the connection file if it is
     * missing: an earlier {@code up} whose last health check gave up before a slow component came up never wrote it.
     */
    public UpResult up() {
        long started = System.nanoTime();
        if (allHealthy()) {
            if (!Files.isRegularFile(layout.connectionFile())) {
                log.info("The stack runs but had no {}: writing it", layout.connectionFile());
                writeConnectionFile(LocalCredentials.loadOrCreate(layout.credentials()));
            }
            return new UpResult(endpoints(), true, Duration.ofNanos(System.nanoTime() - started));
        }
        Path trinoJava = JavaRuntimes.require(
                config.trinoJavaHome(), 24, "Trino " + ComponentVersions.load().trino(), StackConfig.TRINO_JAVA_HOME);
        LocalCredentials credentials = LocalCredentials.loadOrCreate(layout.credentials());
        ShopDatabase shop = shopDatabase();
        Components components = components(credentials, trinoJava, true, trinoEnvironment(shop));
        for (Component component : components.inStartOrder()) {
            startIfNeeded(component);
            if (component instanceof PostgresComponent postgres) {
                shop.ensureOn(postgres);
            }
            if (component instanceof S3ServerComponent) {
                createBuckets(credentials);
            }
        }
        writeConnectionFile(credentials);
        return new UpResult(endpoints(), false, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Whether every component runs and is healthy, asked in start order and only up to the first that is not:
     * Trino's check goes through the metastore to PostgreSQL, and with either stopped it waits for their timeouts
     * (19 s without the metastore, 33 s without PostgreSQL, measured in the fault tests' restarts) for an answer
     * the first stopped component has given already.
     */
    private boolean allHealthy() {
        List<Component> components = components(existingCredentials(), JavaRuntimes.current(), false, Map.of())
                .inStartOrder();
        return !components.isEmpty()
                && components.stream().allMatch(component -> component.process().isPresent() && component.isHealthy());
    }

    /** The local stand-in for the shop's operational database, on the stack's PostgreSQL. */
    public ShopDatabase shopDatabase() {
        return ShopDatabase.loadOrCreate(layout.shopCredentials());
    }

    /** The JDBC URL of the {@code shop} database, as {@code loglake catalog add} and Trino reach it. */
    public String shopJdbcUrl() {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + config.ports().postgres() + "/" + ShopDatabase.NAME;
    }

    /**
     * What Trino's processes get in their environment beyond the stack's own keys: the shop's password, and each
     * variable {@code stack.trino-env} names, from this process's environment. A named variable that is not set
     * stops {@code stack up} before anything starts: Trino would only fail later, when a catalog reads it.
     */
    private Map<String, String> trinoEnvironment(ShopDatabase shop) {
        Map<String, String> passed = new LinkedHashMap<>();
        passed.put(ShopDatabase.PASSWORD_VARIABLE, shop.password());
        for (String variable : config.trinoEnvironment()) {
            String value = environment.get(variable);
            if (value == null) {
                throw LoglakeException.user(
                        "%s names the environment variable %s, which is not set. Expected it exported in the shell"
                                + " that runs 'stack up', so that Trino gets it.",
                        StackConfig.TRINO_ENV, variable);
            }
            passed.put(variable, value);
        }
        return passed;
    }

    /** Stops every component, in reverse start order. Leaves the data in place. */
    public void down() {
        Components components = components(existingCredentials(), JavaRuntimes.current(), false, Map.of());
        List<Component> reversed = new ArrayList<>(components.inStartOrder());
        java.util.Collections.reverse(reversed);
        for (Component component : reversed) {
            if (component.process().isPresent()) {
                log.info(
                        "Stopping {} (pid {})",
                        component.name(),
                        component.process().get().pid());
            }
            component.stop();
        }
        stopStrays();
    }

    /**
     * Stops any process still running from this stack's data directory whose pid file was lost (a crashed
     * {@code stack up}, a data directory copied or half deleted): {@code down} leaves nothing behind.
     */
    private void stopStrays() {
        if (!layout.holdsStackFiles()) {
            // Matched by path, a directory that is not a stack's would stop whatever runs from inside it. A stack's
            // directory may hold more than the stack wrote (a test's own S3 folder, say): its credentials tell.
            return;
        }
        String root = layout.root() + "/";
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains(root))
                        .orElse(false))
                .forEach(process -> {
                    log.info("Stopping a stray process of this stack (pid {}) that had no pid file", process.pid());
                    Daemons.stop(process, Duration.ofSeconds(30));
                });
    }

    /**
     * Stops one component cleanly, the others keep running; {@link #up()} starts it again. For fault tests
     * and for an operator who restarts one server.
     */
    public void stop(String componentName) {
        Component component = component(componentName);
        log.info("Stopping {} alone", component.name());
        component.stop();
    }

    /**
     * Kills one component's process with SIGKILL, as a crash or the OOM killer would, and waits until it is
     * gone; {@link #up()} starts it again. Not for PostgreSQL, whose postmaster is a daemon that outlives its
     * wrapper: use {@link #stop(String)} for it.
     */
    public void kill(String componentName) {
        Component component = component(componentName);
        ProcessHandle process =
                component.process().orElseThrow(() -> new IllegalStateException(component.name() + " is not running"));
        log.info("Killing {} (pid {}) with SIGKILL", component.name(), process.pid());
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    private Component component(String componentName) {
        // Installed components: PostgreSQL's clean stop needs its pg_ctl (the distributions are cached).
        return components(credentials(), JavaRuntimes.current(), true, Map.of()).inStartOrder().stream()
                .filter(component -> component.name().equals(componentName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component named '" + componentName + "'"));
    }

    public List<ComponentStatus> status() {
        Components components = components(existingCredentials(), JavaRuntimes.current(), false, Map.of());
        List<ComponentStatus> statuses = new ArrayList<>();
        for (Component component : components.inStartOrder()) {
            Optional<ProcessHandle> process = component.process();
            statuses.add(new ComponentStatus(
                    component.name(),
                    component.port(),
                    process.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty()),
                    process.isPresent() && component.isHealthy(),
                    process.map(Daemons::treeResidentBytes).orElse(0L)));
        }
        return statuses;
    }

    /**
     * Stops the stack and deletes its data directory, which must be recognisably a stack's (see {@link
     * #requireOwnDataDirectory()}).
     */
    public void reset() {
        requireOwnDataDirectory();
        down();
        FileTrees.deleteRecursively(layout.root());
    }

    /**
     * Refuses a data directory that is not recognisably a stack's: {@code stack.data-dir} may name any
     * directory (a typo, a home directory), and {@link #reset()} deletes all of it.
     */
    public void requireOwnDataDirectory() {
        Optional<String> why = layout.whyNotStackData();
        if (why.isPresent()) {
            throw LoglakeException.user(
                    "Refusing to reset %s: %s. 'stack reset' deletes the whole directory %s names, so it deletes only"
                            + " a directory that 'stack up' created (or an empty one). Check %s, or delete the"
                            + " directory yourself if it really is a stack's.",
                    layout.root(), why.get(), StackConfig.DATA_DIR, StackConfig.DATA_DIR);
        }
    }

    public StackEndpoints endpoints() {
        StackConfig.Ports ports = config.ports();
        return new StackEndpoints(
                trinoJdbcUrl(),
                TrinoComponent.USER,
                URI.create("http://" + Ports.LOOPBACK + ":" + ports.s3()),
                "thrift://" + Ports.LOOPBACK + ":" + ports.metastore(),
                "jdbc:postgresql://" + Ports.LOOPBACK + ":" + ports.postgres() + "/"
                        + PostgresComponent.METASTORE_DATABASE);
    }

    /** Plain HTTP, or on the secure stack HTTPS that verifies the stack's own certificate fully. */
    private String trinoJdbcUrl() {
        int port = config.ports().trino();
        if (config.secure()) {
            return "jdbc:trino://" + Ports.LOOPBACK + ":" + port + "?SSL=true&SSLVerification=FULL&SSLTrustStorePath="
                    + layout.trinoCertificate();
        }
        return "jdbc:trino://" + Ports.LOOPBACK + ":" + port;
    }

    /** The secure stack's Trino passwords and secrets, made on its first start. */
    public TrinoSecrets trinoSecrets() {
        return TrinoSecrets.loadOrCreate(layout.trinoSecrets());
    }

    /** The settings later commands need to use this stack, as configuration keys. */
    public Map<String, String> connectionSettings(LocalCredentials credentials) {
        StackEndpoints endpoints = endpoints();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TrinoConfig.URL, endpoints.trinoJdbcUrl());
        settings.put(TrinoConfig.USER, endpoints.trinoUser());
        if (config.secure()) {
            settings.put(TrinoConfig.PASSWORD, trinoSecrets().loglakePassword());
        }
        settings.put(S3Config.ENDPOINT, endpoints.s3Endpoint().toString());
        settings.put(S3Config.REGION, "us-east-1");
        settings.put(S3Config.ACCESS_KEY, credentials.s3AccessKey());
        settings.put(S3Config.SECRET_KEY, credentials.s3SecretKey());
        settings.put(S3Config.PATH_STYLE_ACCESS, "true");
        settings.put(LakeConfig.RAW_BUCKET, lake.rawBucket());
        settings.put(LakeConfig.WAREHOUSE_BUCKET, lake.warehouseBucket());
        settings.put(LakeConfig.REPORTS_BUCKET, lake.reportsBucket());
        settings.put(StackConfig.POSTGRES_PORT, Integer.toString(config.ports().postgres()));
        settings.put(StackConfig.METASTORE_PORT, Integer.toString(config.ports().metastore()));
        settings.put(StackConfig.S3_PORT, Integer.toString(config.ports().s3()));
        settings.put(StackConfig.TRINO_PORT, Integer.toString(config.ports().trino()));
        settings.put(StackConfig.TRINO_WORKERS, Integer.toString(config.trinoWorkers()));
        settings.put(StackConfig.SECURE, Boolean.toString(config.secure()));
        return settings;
    }

    public LocalCredentials credentials() {
        return LocalCredentials.loadOrCreate(layout.credentials());
    }

    private void startIfNeeded(Component component) {
        if (component.process().isPresent()) {
            if (component.isHealthy()) {
                log.info("{} is already running on port {}", component.name(), component.port());
                return;
            }
            log.info("{} is running but unhealthy; restarting it", component.name());
            component.stop();
        }
        if (!Ports.isFree(component.port())) {
            throw LoglakeException.user(
                    "Port %d for %s is already in use by another process. Stop that process, or give the stack "
                            + "another port (see 'loglake stack up --help' for the port flags).",
                    component.port(), component.name());
        }
        long started = System.nanoTime();
        log.info("Starting {} on {}:{}", component.name(), Ports.LOOPBACK, component.port());
        component.start();
        log.info("{} is healthy after {} ms", component.name(), (System.nanoTime() - started) / 1_000_000);
    }

    private void createBuckets(LocalCredentials credentials) {
        try (S3Client s3 = S3Clients.create(S3Config.from(
                dev.loglake.core.config.Settings.defaults().with(connectionSettings(credentials), "local stack")))) {
            for (String bucket : lake.buckets()) {
                try {
                    s3.createBucket(request -> request.bucket(bucket));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // created by an earlier start: nothing to do
                }
            }
        }
    }

    private void writeConnectionFile(LocalCredentials credentials) {
        Properties properties = new Properties();
        properties.putAll(connectionSettings(credentials));
        LocalCredentials.writePrivate(
                layout.connectionFile(),
                properties,
                "Settings of the loglake local stack in " + layout.root() + " (written by 'loglake stack up')");
    }

    /** The stack's credentials if it has been started before; probing PostgreSQL needs its password. */
    private LocalCredentials existingCredentials() {
        return LocalCredentials.loadIfPresent(layout.credentials()).orElseGet(() -> new LocalCredentials("", "", ""));
    }

    /**
     * The components; {@code trinoEnvironment} is what Trino's processes get beyond the stack's own keys (empty
     * where none is started: status, stop, kill).
     */
    private Components components(
            LocalCredentials credentials, Path trinoJava, boolean install, Map<String, String> trinoEnvironment) {
        StackConfig.Ports ports = config.ports();
        Path serviceJava = config.serviceJavaHome().orElseGet(JavaRuntimes::current);
        PostgresComponent postgres = new PostgresComponent(
                install ? distributions.postgres() : Path.of("postgres-not-installed"),
                layout.postgresData(),
                ports.postgres(),
                credentials.postgresPassword(),
                layout.processFiles("postgres"));
        S3ServerComponent s3 = new S3ServerComponent(
                install ? distributions.s3proxyJar() : Path.of("s3proxy-not-installed"),
                serviceJava,
                layout.s3ProxyProperties(),
                layout.s3Data(),
                ports.s3(),
                credentials.s3AccessKey(),
                credentials.s3SecretKey(),
                layout.processFiles("s3proxy"));
        MetastoreComponent metastore = metastore(install, credentials, serviceJava, postgres, s3);
        // Every node, workers too, loads the PostgreSQL connector at start: a catalog over the shop's database (or any
        // PostgreSQL) can then be added while Trino runs.
        TrinoNode node = TrinoNode.of(
                        install ? distributions.trino() : Path.of("trino-not-installed"),
                        install ? distributions.trinoPlugins() : Path.of("trino-plugins-not-installed"),
                        trinoJava,
                        config.trinoHeap(),
                        config.trinoQueryMemory(),
                        workerCount(install),
                        metastore.thriftUri(),
                        s3.endpoint(),
                        layout.trinoExchange(),
                        credentials.s3AccessKey(),
                        credentials.s3SecretKey())
                .withEnvironment(trinoEnvironment);
        // Only the secure stack reads or makes its Trino secrets: the default stack does no extra work.
        Optional<SecureTrino> security = config.secure()
                ? Optional.of(new SecureTrino(
                        layout.secrets(),
                        config.trinoInternalPort(),
                        install ? trinoSecrets() : existingTrinoSecrets()))
                : Optional.empty();
        TrinoComponent trino = new TrinoComponent(
                node,
                layout.trinoEtc(),
                layout.trinoData(),
                ports.trino(),
                config.trinoWorkers(),
                security,
                layout.processFiles("trino"));
        List<TrinoWorkerComponent> workers = new ArrayList<>();
        for (int worker = 1; worker <= workerCount(install); worker++) {
            workers.add(new TrinoWorkerComponent(
                    worker,
                    node,
                    layout.trinoWorkerEtc(worker),
                    layout.trinoWorkerData(worker),
                    ports.trino() + 1 + worker,
                    trino.httpPort(),
                    security,
                    layout.trinoWorkerProcessFiles(worker)));
        }
        return new Components(postgres, metastore, s3, List.copyOf(workers), trino);
    }

    /**
     * The metastore: rendered and started by the stack itself, or on the rehearsal (secure) stack through the
     * container image's entrypoint with the same values, so that the image's start-up runs here too.
     */
    private MetastoreComponent metastore(
            boolean install,
            LocalCredentials credentials,
            Path serviceJava,
            PostgresComponent postgres,
            S3ServerComponent s3) {
        Map<String, String> site = MetastoreSiteTemplate.localValues(
                postgres.jdbcUrl(PostgresComponent.METASTORE_DATABASE),
                credentials,
                config.ports().metastore(),
                "s3a://" + lake.warehouseBucket() + "/warehouse",
                s3.endpoint());
        Optional<MetastoreEntrypoint> entrypoint = config.secure()
                ? Optional.of(new MetastoreEntrypoint(
                        layout.metastoreImage(), layout.secrets(), site, MetastoreComponent.JVM_OPTIONS))
                : Optional.empty();
        MetastoreComponent metastore = new MetastoreComponent(
                install ? distributions.metastore() : Path.of("metastore-not-installed"),
                layout.metastoreConf(),
                serviceJava,
                config.ports().metastore(),
                postgres,
                layout.processFiles("metastore"),
                entrypoint);
        if (install && entrypoint.isEmpty()) {
            metastore.configure(MetastoreSiteTemplate.render(site));
        }
        return metastore;
    }

    /**
     * The workers to know of: those configured, and when only looking or stopping, also any whose pid file an
     * earlier {@code stack up --workers N} left, so that {@code stack down} never leaves a worker behind.
     */
    private int workerCount(boolean install) {
        int workers = config.trinoWorkers();
        if (install) {
            return workers;
        }
        while (Files.isRegularFile(layout.trinoWorkerProcessFiles(workers + 1).pidFile())) {
            workers++;
        }
        return workers;
    }

    private TrinoSecrets existingTrinoSecrets() {
        return Files.isRegularFile(layout.trinoSecrets()) ? trinoSecrets() : new TrinoSecrets("", "", "", "");
    }

    /**
     * The components; the start order is the order of dependency. Workers start before the coordinator, whose
     * health check waits until all of them are active (with workers, no query runs on the coordinator).
     */
    private record Components(
            PostgresComponent postgres,
            MetastoreComponent metastore,
            S3ServerComponent s3,
            List<TrinoWorkerComponent> workers,
            TrinoComponent trino) {
        List<Component> inStartOrder() {
            List<Component> order = new ArrayList<>(List.of(postgres, metastore, s3));
            order.addAll(workers);
            order.add(trino);
            return order;
        }
    }
}
