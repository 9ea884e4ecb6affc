package dev.loglake.core.trino;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.TrinoConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/** Opens JDBC connections to Trino with loglake's settings. */
public final class TrinoConnections {
    /** The source every loglake connection names, unless a command names its own. */
    public static final String SOURCE = "loglake";

    private final TrinoConfig config;
    private final String source;
    private final SortedMap<String, String> sessionProperties;

    public TrinoConnections(TrinoConfig config) {
        this(config, SOURCE, Map.of());
    }

    private TrinoConnections(TrinoConfig config, String source, Map<String, String> sessionProperties) {
        this.config = requireNonNull(config, "config is null");
        this.source = requireNonNull(source, "source is null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
        this.sessionProperties = Collections.unmodifiableSortedMap(new TreeMap<>(sessionProperties));
        this.sessionProperties.forEach((name, value) -> {
            if (!name.matches("[a-z_][a-z0-9_.]*") || value.contains(";") || value.contains(":")) {
                throw new IllegalArgumentException("Invalid Trino session property " + name + "=" + value
                        + ": expected a lowercase name and a value without ';' or ':'");
            }
        });
    }

    /**
     * The same connections, naming {@code source} as their client (Trino's system.runtime.queries shows it): the
     * transform tells its own queries from its readers' this way.
     */
    public TrinoConnections withSource(String source) {
        return new TrinoConnections(config, source, sessionProperties);
    }

    /**
     * The same connections, each of whose sessions starts with {@code properties} set (as {@code SET SESSION} would,
     * without a statement of its own): the transform asks for its retry policy this way.
     */
    public TrinoConnections withSessionProperties(Map<String, String> properties) {
        Map<String, String> merged = new TreeMap<>(sessionProperties);
        merged.putAll(properties);
        return new TrinoConnections(config, source, merged);
    }

    public TrinoConfig config() {
        return config;
    }

    public Connection open() {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("source", source);
        if (!sessionProperties.isEmpty()) {
            properties.setProperty("sessionProperties", sessionPropertiesValue());
        }
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

    /** The JDBC driver's form: {@code name:value;name:value}. */
    private String sessionPropertiesValue() {
        StringBuilder value = new StringBuilder();
        sessionProperties.forEach((name, setting) -> value.append(value.isEmpty() ? "" : ";")
                .append(name)
                .append(':')
                .append(setting));
        return value.toString();
    }
}
