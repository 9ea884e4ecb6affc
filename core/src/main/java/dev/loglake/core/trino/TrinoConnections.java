package dev.loglake.core.trino;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.TrinoConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to Trino with loglake's settings. */
public final class TrinoConnections {
    private final TrinoConfig config;

    public TrinoConnections(TrinoConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    public TrinoConfig config() {
        return config;
    }

    public Connection open() {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("source", "loglake");
        try {
            Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
            connection.setCatalog(config.catalog());
            return connection;
        } catch (SQLException e) {
            throw LoglakeException.external(
                    "Cannot connect to Trino at " + config.jdbcUrl() + ": " + e.getMessage()
                            + ". Is it running? For the local stack run './loglake stack status'.",
                    e);
        }
    }
}
