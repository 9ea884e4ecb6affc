package dev.loglake.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The db-user Job (k8s/metastore/db-user-job.yaml) run as the manifest says against PostgreSQL 16 set up like RDS:
 * TLS only, a master that is no superuser. Each test uses a role and database of its own.
 */
class TestMetastoreDbUserJob {
    @TempDir
    static Path work;

    private static Certificates certificates;
    private static TlsPostgres database;
    private static MetastoreJobs jobs;

    @BeforeAll
    static void startDatabase() {
        certificates = Certificates.make(work.resolve("tls"));
        database = TlsPostgres.start(work.resolve("postgres"), certificates);
        jobs = new MetastoreJobs(work, database.port(), database.masterPassword());
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theRoleLogsInOwnsItsDatabaseAndSchemaAndCanDoNothingElse() throws SQLException {
        MetastoreJobs.Target target = target("fresh", "first password 1");
        database.createDatabaseOfTheMaster(target.database());

        Shell.Result run = jobs.dbUser(target).requireSuccess("the db-user Job");

        assertThat(run.output())
                .contains("created role " + target.role())
                .doesNotContain(database.masterPassword())
                .doesNotContain(target.password());
        assertThat(attributes(target.role())).isEqualTo("login=t super=f createdb=f createrole=f replication=f");
        assertThat(owners(target)).isEqualTo(List.of(target.role(), target.role()));
        try (Connection connection = connect(target, target.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.probe (id int)");
            assertThatThrownBy(() -> statement.execute("CREATE ROLE intruder"))
                    .hasMessageContaining("permission denied to create role");
            assertThatThrownBy(() -> statement.execute("CREATE DATABASE intruder"))
                    .hasMessageContaining("permission denied to create database");
        }
    }

    /** The schema Job, as its manifest runs it, initialises the metastore's schema as the role. */
    @Test
    void theSchemaJobInitialisesTheMetastoreSchemaAsTheRole() throws SQLException {
        MetastoreJobs.Target target = target("metastore", "schema password 2");
        jobs.dbUser(target).requireSuccess("the db-user Job");

        jobs.schema(target).requireSuccess("the schema Job");

        try (Connection connection = database.superuser(target.database());
                Statement statement = connection.createStatement();
                ResultSet owner = statement.executeQuery(
                        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'VERSION'")) {
            assertThat(owner.next()).as("the metastore's VERSION table exists").isTrue();
            assertThat(owner.getString(1)).isEqualTo(target.role());
        }
    }

    @Test
    void aSecondRunChangesNothing() throws SQLException {
        MetastoreJobs.Target target = target("rerun", "rerun password 3");
        database.createDatabaseOfTheMaster(target.database());
        jobs.dbUser(target).requireSuccess("the first run");
        List<String> before = state(target);

        Shell.Result again = jobs.dbUser(target).requireSuccess("the second run");

        assertThat(state(target)).isEqualTo(before);
        assertThat(again.output())
                .contains("password unchanged")
                .doesNotContain("created", "granted", "->", "password set");
    }

    @Test
    void aNewPasswordInTheSecretReplacesTheOldOne() throws SQLException {
        MetastoreJobs.Target first = target("rotate", "old password 4");
        MetastoreJobs.Target second = target("rotate", "new password 5");
        database.createDatabaseOfTheMaster(first.database());
        jobs.dbUser(first).requireSuccess("the first run");

        assertThat(jobs.dbUser(second)
                        .requireSuccess("the run with the new password")
                        .output())
                .contains("password set from the Secret");

        try (Connection connection = connect(second, second.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> connect(second, first.password()).close())
                .hasMessageContaining("password authentication failed");
    }

    /**
     * verify-full, in the Job (libpq) and in the metastore's JDBC URL (pgjdbc): a server certificate from another CA,
     * or one for another host name, is refused before any password is sent.
     */
    @Test
    void onlyTheRdsCaAndTheDatabasesHostNameAreAccepted() throws SQLException {
        MetastoreJobs.Target target = target("tls", "tls password 6");
        MetastoreJobs.Target otherCa = new MetastoreJobs.Target(
                "tls", "tls", target.password(), "127.0.0.1", certificates.otherCaCertificate());
        MetastoreJobs.Target otherHost =
                new MetastoreJobs.Target("tls", "tls", target.password(), "localhost", certificates.caCertificate());

        Shell.Result wrongCa = jobs.dbUser(otherCa);
        Shell.Result wrongHost = jobs.dbUser(otherHost);

        assertThat(wrongCa.exitCode()).isNotZero();
        assertThat(wrongCa.output()).contains("certificate verify failed");
        assertThat(wrongHost.exitCode()).isNotZero();
        assertThat(wrongHost.output()).contains("does not match host name \"localhost\"");
        database.createDatabaseOfTheMaster(target.database());
        jobs.dbUser(target).requireSuccess("the db-user Job with the right CA and host");
        try (Connection connection = connect(target, target.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> connect(otherCa, target.password()).close())
                .hasMessageContaining("PKIX path building failed");
        assertThatThrownBy(() -> connect(otherHost, target.password()).close()).hasMessageContaining("localhost");
    }

    private static MetastoreJobs.Target target(String name, String password) {
        String safe = password.replace(' ', '-');
        return new MetastoreJobs.Target(name, name, safe, "127.0.0.1", certificates.caCertificate());
    }

    /** The role's password hash and attributes, its memberships, and the owners: anything a rerun could change. */
    private static List<String> state(MetastoreJobs.Target target) throws SQLException {
        List<String> state = new ArrayList<>(owners(target));
        state.add(attributes(target.role()));
        state.add(query("postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = '" + target.role() + "'"));
        state.add(query(
                "postgres",
                "SELECT string_agg(member::regrole || ' ' || admin_option || set_option, ',' "
                        + "ORDER BY member::regrole::text) FROM pg_auth_members WHERE roleid = '" + target.role()
                        + "'::regrole"));
        return state;
    }

    private static String attributes(String role) throws SQLException {
        return query(
                "postgres",
                "SELECT format('login=%s super=%s createdb=%s createrole=%s replication=%s', "
                        + "rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication) FROM pg_roles WHERE rolname = '"
                        + role + "'");
    }

    /** The owners of the database and of its schema public. */
    private static List<String> owners(MetastoreJobs.Target target) throws SQLException {
        return List.of(
                query(
                        "postgres",
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + target.database() + "'"),
                query(
                        target.database(),
                        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"));
    }

    private static String query(String databaseName, String sql) throws SQLException {
        try (Connection connection = database.superuser(databaseName);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return String.valueOf(result.getString(1));
        }
    }

    /** A connection as the metastore makes it: its JDBC URL from the ConfigMap, its user and password. */
    private static Connection connect(MetastoreJobs.Target target, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.role());
        properties.setProperty("password", password);
        return DriverManager.getConnection(jobs.jdbcUrl(target), properties);
    }
}
