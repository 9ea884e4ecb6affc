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
    /** The source every loglake connection names, unless a command names its own. */
    public static final String SOURCE = "loglake";

    private final TrinoConfig config;
    private final String source;

    public TrinoConnections(TrinoConfig config) {
        this(config, SOURCE);
    }

    private TrinoConnections(TrinoConfig config, String source) {
        this.config = requireNonNull(config, "config is null");
        this.source = requireNonNull(source, "source is null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
    }

    /**
     * The same connections, naming {@code source} as their client (Trino's system.runtime.queries shows it): the
     * transform tells its own queries from its readers' this way.
     */
    public TrinoConnections withSource(String source) {
        return new TrinoConnections(config, source);
    }

    public TrinoConfig config() {
        return config;
    }

    public Connection open() {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("source", source);
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
