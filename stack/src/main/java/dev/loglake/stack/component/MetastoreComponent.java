package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone Hive Metastore on PostgreSQL. Its bin/ scripts want a Hadoop installation, so loglake
 * calls its main classes directly, with the rendered metastore-site.xml first on the classpath; the rehearsal
 * starts it through the container image's entrypoint instead ({@link MetastoreEntrypoint}).
 */
public final class MetastoreComponent extends ServerComponent {
    /** The name users see in messages. */
    public static final String NAME = "Hive Metastore";

    private static final Logger log = LoggerFactory.getLogger(MetastoreComponent.class);
    private static final String SCHEMA_TOOL = "org.apache.hadoop.hive.metastore.tools.schematool.MetastoreSchemaTool";
    private static final String SERVER = "org.apache.hadoop.hive.metastore.HiveMetaStore";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Sized for a small machine shared with Trino; the entrypoint gets them as METASTORE_JAVA_OPTS. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.net.preferIPv4Stack=true",
            "-Dlog4j2.formatMsgNoLookups=true");
    /** The entrypoint waits for the database, runs the schema tool once or twice, then starts the server. */
    private static final Duration ENTRYPOINT_START = Duration.ofMinutes(4);

    private final Path installation;
    private final Path confDirectory;
    private final Path javaHome;
    private final PostgresComponent database;
    private final Optional<MetastoreEntrypoint> entrypoint;

    public MetastoreComponent(
            Path installation,
            Path confDirectory,
            Path javaHome,
            int port,
            PostgresComponent database,
            ProcessFiles files,
            Optional<MetastoreEntrypoint> entrypoint) {
        super(NAME, port, files);
        this.installation = requireNonNull(installation, "installation is null");
        this.confDirectory = requireNonNull(confDirectory, "confDirectory is null");
        this.javaHome = requireNonNull(javaHome, "javaHome is null");
        this.database = requireNonNull(database, "database is null");
        this.entrypoint = requireNonNull(entrypoint, "entrypoint is null");
    }

    public String thriftUri() {
        return "thrift://" + Ports.LOOPBACK + ":" + port();
    }

    /**
     * Writes the configuration rendered from the shared template (see {@code MetastoreSiteTemplate}), readable
     * by the owner only: it holds the PostgreSQL password and the S3 keys. The file is created with those
     * permissions and moved into place, so that its content is never readable by others, not even for a moment,
     * and a file an older version wrote with default permissions is replaced.
     */
    public void configure(String metastoreSiteXml) {
        Path file = confDirectory.resolve("metastore-site.xml");
        try {
            Files.createDirectories(confDirectory);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, metastoreSiteXml, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the metastore configuration " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        if (entrypoint.isPresent()) {
            startThroughEntrypoint(entrypoint.get());
            return;
        }
        if (!schemaExists()) {
            log.info("Creating the metastore schema in PostgreSQL (first start only)");
            try {
                Files.createDirectories(files().logFile().getParent());
                String output = Daemons.run(
                        java(SCHEMA_TOOL, "-dbType", "postgres", "-initSchema"),
                        installation,
                        environment(),
                        Duration.ofMinutes(3));
                Files.writeString(
                        files().logFile().resolveSibling("metastore-schema.log"), output, StandardCharsets.UTF_8);
            } catch (LoglakeException | IOException e) {
                throw StartFailure.of(this, "the schema tool failed: " + e.getMessage());
            }
        }
        Daemons.start(java(SERVER), installation, environment(), files());
        HealthWait.until(this, Duration.ofSeconds(90), this::isHealthy);
    }

    /** The entrypoint prepares the schema itself (METASTORE_SCHEMA_ACTION=auto) and logs to the component's log. */
    private void startThroughEntrypoint(MetastoreEntrypoint image) {
        image.install(installation);
        Daemons.startIsolated(image.command(), image.home(), image.environment(javaHome), files());
        HealthWait.until(this, ENTRYPOINT_START, this::isHealthy);
    }

    @Override
    public boolean isHealthy() {
        return process().isPresent() && Ports.isListening(port());
    }

    @Override
    public void stop() {
        stopProcess(Duration.ofSeconds(30));
    }

    private Map<String, String> environment() {
        return Map.of("METASTORE_HOME", installation.toString());
    }

    private boolean schemaExists() {
        try (Connection connection = database.connect(PostgresComponent.METASTORE_DATABASE);
                ResultSet tables = connection.getMetaData().getTables(null, "public", "VERSION", null)) {
            return tables.next();
        } catch (SQLException e) {
            throw StartFailure.of(this, "cannot reach its database: " + e.getMessage());
        }
    }

    private List<String> java(String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(JavaRuntimes.javaBinary(javaHome).toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                // Log to the console, which the stack appends to logs/metastore.log.
                "-Dmetastore.root.logger=console",
                "-cp",
                confDirectory + ":" + installation.resolve("conf") + ":" + installation.resolve("lib") + "/*",
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }
}
