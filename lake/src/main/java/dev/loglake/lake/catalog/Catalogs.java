package dev.loglake.lake.catalog;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogs of a running Trino with dynamic catalog management: list, add ({@code CREATE CATALOG}) and drop. Each
 * change is checked before Trino sees it, so that a bad input leaves the catalogs as they were: the name, that it
 * is free, that the database answers with those credentials. The lake's own catalog is never dropped.
 */
public final class Catalogs {
    private final TrinoConnections trino;
    private final String lakeCatalog;

    /**
     * @param lakeCatalog the catalog that holds the lake's schemas (trino.catalog), which {@link #drop} refuses
     */
    public Catalogs(TrinoConnections trino, String lakeCatalog) {
        this.trino = requireNonNull(trino, "trino is null");
        this.lakeCatalog = requireNonNull(lakeCatalog, "lakeCatalog is null");
    }

    /** Every catalog Trino has, by name. */
    public List<CatalogEntry> list() {
        List<CatalogEntry> catalogs = new ArrayList<>();
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT catalog_name, connector_name FROM system.metadata.catalogs ORDER BY catalog_name")) {
            while (rows.next()) {
                catalogs.add(new CatalogEntry(rows.getString(1), rows.getString(2)));
            }
        } catch (SQLException e) {
            throw LoglakeException.external("Cannot list Trino's catalogs: " + e.getMessage(), e);
        }
        return List.copyOf(catalogs);
    }

    /**
     * Adds the catalog while Trino runs. {@code environment} is this process's (or a test's): it must hold the
     * password variable, so that the database can be checked with the very credentials Trino will use.
     */
    public void add(CatalogRequest request, Map<String, String> environment) {
        String password = environment.get(request.passwordVariable());
        if (password == null) {
            throw LoglakeException.user(
                    "The environment variable %s (--password-env) is not set. Expected it to hold the password of"
                            + " user %s, here for the check of %s and in Trino's environment, where the catalog"
                            + " reads it as ${ENV:%s}.",
                    request.passwordVariable(), request.user(), request.url(), request.passwordVariable());
        }
        requireAbsent(request.name());
        DatabaseCheck.connect(request.url(), request.user(), password);
        execute(request.createStatement(), "create catalog " + request.name(), request.passwordVariable());
    }

    /** Drops a catalog that exists and is not the lake's. Queries already running on it are not stopped by Trino. */
    public void drop(String name) {
        CatalogRequest.requireValidName(name);
        if (name.equals(lakeCatalog)) {
            throw LoglakeException.user(
                    "Refusing to drop catalog %s: it holds the lake's schemas (trino.catalog=%s). loglake drops only"
                            + " catalogs added beside the lake.",
                    name, lakeCatalog);
        }
        if (list().stream().noneMatch(catalog -> catalog.name().equals(name))) {
            throw LoglakeException.user("No catalog named %s. Trino has: %s.", name, names());
        }
        execute("DROP CATALOG " + name, "drop catalog " + name, "");
    }

    private void requireAbsent(String name) {
        if (list().stream().anyMatch(catalog -> catalog.name().equals(name))) {
            throw LoglakeException.user(
                    "A catalog named %s already exists. Expected a new name, or drop it first ('loglake catalog drop"
                            + " %s').",
                    name, name);
        }
    }

    private String names() {
        return String.join(", ", list().stream().map(CatalogEntry::name).toList());
    }

    private void execute(String sql, String what, String passwordVariable) {
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String hint = !passwordVariable.isEmpty()
                            && String.valueOf(e.getMessage()).contains(passwordVariable)
                    ? " Trino reads " + passwordVariable + " from its own environment: on the local stack name it in"
                            + " stack.trino-env and restart Trino ('stack down', 'stack up'); on Kubernetes put it"
                            + " in the Secret the Trino pods take as environment (see k8s/README.md)."
                    : "";
            throw LoglakeException.external("Trino could not " + what + ": " + e.getMessage() + "." + hint, e);
        }
    }
}
