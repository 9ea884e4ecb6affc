package dev.loglake.generator.shop;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;

/**
 * Where generate writes the shop's tables: a PostgreSQL database. The password comes from the environment or the
 * local stack's secrets, never from a flag, and {@link #toString()} leaves it out.
 */
public record ShopDatabaseTarget(String jdbcUrl, String user, String password) {
    public ShopDatabaseTarget {
        requireNonNull(password, "password is null");
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw LoglakeException.user(
                    "Invalid --shop-jdbc-url '%s'. Expected a PostgreSQL JDBC URL, jdbc:postgresql://HOST:PORT/DATABASE.",
                    jdbcUrl);
        }
        if (user == null || user.isBlank()) {
            throw LoglakeException.user("--shop-jdbc-url needs --shop-user: the role that writes the shop's tables.");
        }
    }

    @Override
    public String toString() {
        return user + " at " + jdbcUrl;
    }
}
