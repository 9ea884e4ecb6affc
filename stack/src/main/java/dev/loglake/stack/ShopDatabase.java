package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.stack.component.PostgresComponent;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The local stand-in for the company's operational database: a database {@code shop} on the stack's PostgreSQL,
 * owned by a role {@code shop} of its own (not the metastore's superuser), with a password generated at random
 * on first use and kept owner-only in {@code secrets/shop.properties}. Every Trino process gets that password as
 * the environment variable {@link #PASSWORD_VARIABLE}, so that {@code loglake catalog add} can name it as
 * {@code ${ENV:...}} and no statement or file of Trino's holds it.
 */
public record ShopDatabase(String password) {
    public static final String NAME = "shop";
    public static final String USER = "shop";
    /** Not LOGLAKE_*: loglake takes every such variable for a configuration key, and would refuse this one. */
    public static final String PASSWORD_VARIABLE = "SHOP_DB_PASSWORD";

    private static final String KEY = "password";

    public ShopDatabase {
        requireNonNull(password, "password is null");
    }

    public static ShopDatabase loadOrCreate(Path file) {
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String password = properties.getProperty(KEY, "");
            if (!password.matches("[A-Za-z0-9]+")) {
                throw LoglakeException.user(
                        "%s has no valid %s (letters and digits). Delete the file to generate a new one.", file, KEY);
            }
            return new ShopDatabase(password);
        }
        ShopDatabase created = new ShopDatabase(LocalCredentials.token(new SecureRandom(), 24));
        Properties properties = new Properties();
        properties.setProperty(KEY, created.password());
        LocalCredentials.writePrivate(
                file,
                properties,
                "Password of the role " + USER + " of the local stack's database " + NAME
                        + ", generated at random. Trino gets it as $" + PASSWORD_VARIABLE + ".");
        return created;
    }

    /**
     * Creates the role and the database if missing, and sets the role's password to the kept one: idempotent, run at
     * every {@code stack up}. The role owns the database, and with it the {@code public} schema (PostgreSQL 15 and
     * later), so it may create the shop's tables there.
     */
    public void ensureOn(PostgresComponent postgres) {
        try (Connection connection = postgres.connect("postgres");
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN");
            }
            // The password is generated from an alphabet of letters and digits only: no quoting issue.
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", NAME)) {
                statement.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw LoglakeException.external(
                    "Cannot create the database " + NAME + " and its role " + USER + " on the local PostgreSQL: "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    @Override
    public String toString() {
        return "ShopDatabase[...]";
    }
}
