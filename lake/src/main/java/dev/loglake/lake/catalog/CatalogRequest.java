package dev.loglake.lake.catalog;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A catalog to add to Trino while it runs: its name, its connector and where the database is. The password is never
 * part of the request: only the name of the environment variable that holds it, which Trino resolves itself
 * ({@code ${ENV:VAR}}), so the statement text that Trino logs and shows in its web UI holds no secret.
 *
 * @param name a lower-case SQL identifier, as Trino stores catalog names
 * @param connector one of {@link #CONNECTORS}
 * @param url the database's JDBC URL, for example {@code jdbc:postgresql://host:5432/shop}
 * @param user the database user
 * @param passwordVariable the environment variable that holds the password, in Trino's environment and in the
 *     environment of the command that checks the database first
 */
public record CatalogRequest(String name, String connector, String url, String user, String passwordVariable) {
    /** The connectors the stack's Trino loads at start (plugins cannot be added to a running Trino). */
    public static final List<String> CONNECTORS = List.of("postgresql");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public CatalogRequest {
        requireNonNull(name, "name is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(passwordVariable, "passwordVariable is null");
        requireValidName(name);
        if (!CONNECTORS.contains(connector)) {
            throw LoglakeException.user(
                    "Unknown connector '%s' for catalog %s. Expected one of: %s.",
                    connector, name, String.join(", ", CONNECTORS));
        }
        if (!url.startsWith("jdbc:" + connector + "://")) {
            throw LoglakeException.user(
                    "Invalid --url '%s' for catalog %s. Expected a JDBC URL such as jdbc:%s://host:5432/database.",
                    url, name, connector);
        }
        if (user.isBlank()) {
            throw LoglakeException.user("The --user of catalog %s is empty. Expected the database user.", name);
        }
        if (!VARIABLE.matcher(passwordVariable).matches()) {
            throw LoglakeException.user(
                    "Invalid --password-env '%s' for catalog %s. Expected the name of an environment variable, such"
                            + " as SHOP_DB_PASSWORD, that holds the password (the password itself never goes on the"
                            + " command line).",
                    passwordVariable, name);
        }
        if (passwordVariable.startsWith("LOGLAKE_")) {
            throw LoglakeException.user(
                    "Invalid --password-env '%s' for catalog %s: LOGLAKE_* variables are loglake's configuration keys."
                            + " Expected another name, such as SHOP_DB_PASSWORD.",
                    passwordVariable, name);
        }
    }

    /** Trino folds unquoted names to lower case; loglake takes them as they will be stored, and nothing else. */
    static void requireValidName(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw LoglakeException.user(
                    "Invalid catalog name '%s'. Expected a lower-case SQL identifier: a letter, then letters, digits"
                            + " or underscores, at most 63 characters, such as 'shop'.",
                    name);
        }
    }

    /**
     * The CREATE CATALOG statement: the password as a reference to Trino's environment, never its value. The
     * values are SQL string literals, their quotes doubled.
     */
    String createStatement() {
        return "CREATE CATALOG " + name + " USING " + connector + " WITH (\"connection-url\" = " + literal(url)
                + ", \"connection-user\" = " + literal(user) + ", \"connection-password\" = "
                + literal("${ENV:" + passwordVariable + "}") + ")";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
