package dev.loglake.lake.catalog;

import dev.loglake.core.LoglakeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connects to a catalog's database directly, before Trino is asked to create the catalog: Trino's connectors
 * connect only when a query first uses the catalog, so a wrong URL or password would otherwise be found by the
 * first reader, not by the person who added it.
 */
final class DatabaseCheck {
    private static final String TIMEOUT_SECONDS = "10";

    private DatabaseCheck() {}

    static void connect(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!connection.isValid(Integer.parseInt(TIMEOUT_SECONDS))) {
                throw LoglakeException.external("The database at %s (user %s) does not answer.", url, user);
            }
        } catch (SQLException e) {
            throw LoglakeException.external(
                    "Cannot connect to " + url + " as user " + user + ": " + e.getMessage()
                            + ". The catalog was not created; check the URL, the user and the password variable.",
                    e);
        }
    }
}
