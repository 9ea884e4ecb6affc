package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the marts that join traffic with the business find the shop's operational tables: a Trino catalog added
 * with {@code loglake catalog add} (issue #15), and its schema. No such catalog: those marts are skipped.
 */
public record ShopConfig(String catalog, String schema) {
    public static final String CATALOG = "shop.catalog";
    public static final String SCHEMA = "shop.schema";
    /** Before DEFAULT: the constructor reads it while the class initializes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public static final ShopConfig DEFAULT = new ShopConfig("shop", "public");

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(
                    CATALOG,
                    "shop",
                    "Trino catalog of the shop's database (orders), joined with the traffic by marts/conversions.sql;"
                            + " the mart is skipped while no such catalog is connected."),
            ConfigProperty.of(SCHEMA, "public", "Schema of the shop catalog that holds the orders table."));

    public ShopConfig {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        for (String[] value : new String[][] {{CATALOG, catalog}, {SCHEMA, schema}}) {
            if (!IDENTIFIER.matcher(value[1]).matches()) {
                throw LoglakeException.user(
                        "Invalid value for %s: '%s'. Expected a lower-case SQL identifier such as 'shop'.",
                        value[0], value[1]);
            }
        }
    }

    public static ShopConfig from(Settings settings) {
        return new ShopConfig(settings.get(CATALOG).trim(), settings.get(SCHEMA).trim());
    }
}
