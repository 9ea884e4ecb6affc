package dev.loglake.it.database;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.stack.ComponentVersions;
import dev.loglake.stack.artifact.ArtifactCache;
import dev.loglake.stack.artifact.Distributions;
import dev.loglake.stack.component.PostgresComponent;
import dev.loglake.stack.process.Ports;
import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The local stack's PostgreSQL (the version RDS runs), set up as RDS sets up the metastore's database: TLS only
 * (rds.force_ssl), with a certificate of the test's CA, and a master user that is no superuser but may create
 * roles and databases, owning the database it was created with.
 */
final class TlsPostgres implements AutoCloseable {
    static final String MASTER = "loglake_admin";

    private final PostgresComponent postgres;
    private final String masterPassword;

    private TlsPostgres(PostgresComponent postgres, String masterPassword) {
        this.postgres = requireNonNull(postgres, "postgres is null");
        this.masterPassword = requireNonNull(masterPassword, "masterPassword is null");
    }

    static TlsPostgres start(Path directory, Certificates certificates) {
        Settings settings = Settings.defaults();
        StackConfig config = StackConfig.from(settings);
        Distributions distributions = new Distributions(
                new ArtifactCache(config.cacheDirectory(), config.mavenRepository()),
                config.cacheDirectory(),
                ComponentVersions.load());
        PostgresComponent postgres = new PostgresComponent(
                distributions.postgres(),
                directory.resolve("data"),
                Ports.findFree(),
                UUID.randomUUID().toString(),
                new ProcessFiles(directory.resolve("postgres.pid"), directory.resolve("postgres.log")));
        TlsPostgres database = new TlsPostgres(postgres, UUID.randomUUID().toString());
        try {
            postgres.start();
            database.requireTls(certificates, directory.resolve("data"));
            postgres.stop();
            postgres.start();
            database.createMaster();
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
        return database;
    }

    int port() {
        return postgres.port();
    }

    String masterPassword() {
        return masterPassword;
    }

    /** A connection as the bootstrap superuser, which RDS never gives: for the test's own checks only. */
    Connection superuser(String database) throws SQLException {
        return postgres.connect(database);
    }

    /** Another database as RDS creates the one named by db_name: owned by the master. */
    void createDatabaseOfTheMaster(String database) {
        execute("postgres", "CREATE DATABASE " + database + " OWNER " + MASTER);
    }

    void execute(String database, String sql) {
        try (Connection connection = superuser(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        postgres.stop();
    }

    /** TLS on with the test CA's certificate, and no plain connection accepted (hostssl only). */
    private void requireTls(Certificates certificates, Path dataDirectory) {
        execute("postgres", "ALTER SYSTEM SET ssl_cert_file = '" + certificates.serverCertificate() + "'");
        execute("postgres", "ALTER SYSTEM SET ssl_key_file = '" + certificates.serverKey() + "'");
        execute("postgres", "ALTER SYSTEM SET ssl = on");
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            Files.writeString(hba, "hostssl all all 127.0.0.1/32 scram-sha-256\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hba, e);
        }
    }

    /** The master, owning the database RDS creates (db_name; the stack's component created it already). */
    private void createMaster() {
        execute("postgres", "CREATE ROLE " + MASTER + " LOGIN CREATEDB CREATEROLE PASSWORD '" + masterPassword + "'");
        execute("postgres", "ALTER DATABASE " + PostgresComponent.METASTORE_DATABASE + " OWNER TO " + MASTER);
    }
}
