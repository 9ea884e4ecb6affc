package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Trino.
 *
 * @param jdbcUrl for example {@code jdbc:trino://127.0.0.1:18080}
 * @param user the Trino user the jobs run as
 * @param password empty when the coordinator has no password authentication (the local stack)
 * @param catalog the Hive catalog that holds the lake's schemas
 */
public record TrinoConfig(String jdbcUrl, String user, Optional<String> password, String catalog) {
    public static final String URL = "trino.url";
    public static final String USER = "trino.user";
    public static final String PASSWORD = "trino.password";
    public static final String CATALOG = "trino.catalog";

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(URL, "jdbc:trino://127.0.0.1:18080", "JDBC URL of the Trino coordinator."),
            ConfigProperty.of(USER, "loglake", "Trino user that loglake's queries run as."),
            ConfigProperty.secret(PASSWORD, "Trino password; leave empty when the coordinator has no authentication."),
            ConfigProperty.of(CATALOG, "hive", "Trino catalog (Hive connector) that holds the lake's schemas."));

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public TrinoConfig {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(catalog, "catalog is null");
        if (!jdbcUrl.startsWith("jdbc:trino://")) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected a Trino JDBC URL such as jdbc:trino://host:8080.",
                    URL, jdbcUrl);
        }
        if (user.isBlank()) {
            throw LoglakeException.user("Invalid value for %s: it is empty. Expected a Trino user name.", USER);
        }
        if (!IDENTIFIER.matcher(catalog).matches()) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected a lower-case SQL identifier such as 'hive'.",
                    CATALOG, catalog);
        }
    }

    public static TrinoConfig from(Settings settings) {
        return new TrinoConfig(
                settings.get(URL).trim(),
                settings.get(USER).trim(),
                settings.getOptional(PASSWORD),
                settings.get(CATALOG).trim());
    }
}
