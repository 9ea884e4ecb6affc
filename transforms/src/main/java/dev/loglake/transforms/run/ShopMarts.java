package dev.loglake.transforms.run;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marts that join the traffic with the shop's database (a header tag {@code @requires_catalog shop_catalog}):
 * built when Trino has the catalog {@code shop.catalog}, skipped with a log line when it has none, and refused,
 * naming the table, when the catalog lacks a table they read. Checked once per run.
 */
final class ShopMarts {
    /** The shop's tables the marts read. */
    static final List<String> TABLES = List.of("orders");

    private static final Logger log = LoggerFactory.getLogger(ShopMarts.class);

    private final ShopConfig shop;
    private final boolean connected;

    private ShopMarts(ShopConfig shop, boolean connected) {
        this.shop = shop;
        this.connected = connected;
    }

    /** {@code metadata}: the run's read of the catalog, which asked whether Trino has the shop's catalog. */
    static ShopMarts detect(TrinoSession trino, ShopConfig shop, List<Model> marts, LakeMetadata metadata) {
        List<String> needing =
                marts.stream().filter(ShopMarts::needsShop).map(Model::file).toList();
        boolean connected = metadata.catalogs().contains(shop.catalog());
        if (!connected) {
            log.info(
                    "Skipping {}: Trino has no catalog '{}' ({}), so no business data is connected. Connect the shop's"
                            + " database with ./loglake catalog add {} --connector postgresql ... to build it.",
                    String.join(", ", needing),
                    shop.catalog(),
                    ShopConfig.CATALOG,
                    shop.catalog());
            return new ShopMarts(shop, false);
        }
        List<Object> found = trino
                .query(
                        "shop catalog",
                        "SELECT table_name FROM " + new SqlValue.Identifier(shop.catalog()).render()
                                + ".information_schema.tables WHERE table_schema = "
                                + new SqlValue.Text(shop.schema()).render())
                .rows()
                .stream()
                .map(row -> row.get(0))
                .toList();
        for (String table : TABLES) {
            if (!found.contains(table)) {
                throw LoglakeException.user(
                        "The shop catalog '%s' has no table %s.%s, which %s reads (%s, %s). Expected the shop's"
                                + " orders there (loglake generate --shop writes them), or set %s to the schema"
                                + " that holds them.",
                        shop.catalog(),
                        shop.schema(),
                        table,
                        String.join(", ", needing),
                        ShopConfig.CATALOG,
                        ShopConfig.SCHEMA,
                        ShopConfig.SCHEMA);
            }
        }
        return new ShopMarts(shop, true);
    }

    /** The marts this run builds: all of them with the shop connected, else all but those that need it. */
    List<Model> buildable(List<Model> marts) {
        return marts.stream().filter(model -> !skips(model)).toList();
    }

    /** The files of the marts this run skips, whose tables (and so whose data tests) may not exist. */
    Set<String> skippedFiles(List<Model> marts) {
        return marts.stream().filter(this::skips).map(Model::file).collect(Collectors.toSet());
    }

    private boolean skips(Model model) {
        return !connected && needsShop(model);
    }

    /** The shop marts' parameters (a file is given only those it uses). */
    Map<String, SqlValue> values() {
        return Map.of(
                "shop_catalog", new SqlValue.Identifier(shop.catalog()),
                "shop_schema", new SqlValue.Identifier(shop.schema()));
    }

    private static boolean needsShop(Model model) {
        return model.readsOtherCatalog();
    }
}
