package dev.loglake.cli;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.shop.ShopDatabaseTarget;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.catalog.CatalogRequest;
import dev.loglake.lake.catalog.Catalogs;
import dev.loglake.lake.trino.TrinoSession;
import dev.loglake.reports.query.ReportQueries;
import dev.loglake.stack.LocalStack;
import dev.loglake.stack.ShopDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The demo's simulated shop ({@code demo --with-shop}): its orders go into the local stack's database shop, that
 * database becomes the Trino catalog the conversions mart joins ({@code shop.catalog}, added once, kept by Trino's
 * catalog store), and the demo prints the shop's figures per day from the mart.
 */
final class DemoShop {
    private final LocalStack stack;
    private final TrinoConnections trino;
    private final ShopConfig shop;

    DemoShop(LocalStack stack, TrinoConnections trino, ShopConfig shop) {
        this.stack = stack;
        this.trino = trino;
        this.shop = shop;
    }

    /** Where the generator writes the orders: the stack's shop database, schema public. */
    ShopDatabaseTarget target() {
        return new ShopDatabaseTarget(
                stack.shopJdbcUrl(), ShopDatabase.USER, stack.shopDatabase().password());
    }

    /** Adds the shop's catalog unless Trino has it already; says which. */
    void connect(String lakeCatalog, PrintWriter out) {
        Catalogs catalogs = new Catalogs(trino, lakeCatalog);
        if (catalogs.list().stream().anyMatch(entry -> entry.name().equals(shop.catalog()))) {
            out.printf("  Trino has the catalog %s already (the shop's database)%n", shop.catalog());
            return;
        }
        catalogs.add(
                new CatalogRequest(
                        shop.catalog(),
                        "postgresql",
                        stack.shopJdbcUrl(),
                        ShopDatabase.USER,
                        ShopDatabase.PASSWORD_VARIABLE),
                Map.of(ShopDatabase.PASSWORD_VARIABLE, stack.shopDatabase().password()));
        out.printf(
                "  added the catalog %s: the stack's database shop, joined with the traffic by marts/conversions.sql%n",
                shop.catalog());
    }

    /**
     * Whether every day of {@code days} has visits in the conversions mart: false for days loaded before the shop
     * was connected, which the demo then loads again.
     */
    boolean converted(LakeSchemas schemas, DayRange days) {
        try (TrinoSession session = new TrinoSession(trino)) {
            return new ReportQueries(session, schemas).conversionsExist()
                    && session.query(
                                            "marts/conversions.sql",
                                            "SELECT count(DISTINCT dt) FROM "
                                                    + schemas.table(schemas.marts(), "conversions")
                                                    + " WHERE dt BETWEEN DATE '" + days.from() + "' AND DATE '"
                                                    + days.to() + "'")
                                    .singleLong()
                            == days.days();
        }
    }

    /** The shop's figures of each day of the site 'default', from the conversions mart. */
    void printFigures(LakeConfig lake, DayRange days, PrintWriter out) {
        String sql = "SELECT dt, sum(sessions), sum(converting_sessions), sum(orders), sum(revenue_cents) FROM hive."
                + lake.schema("marts") + ".conversions WHERE dt BETWEEN DATE '" + days.from() + "' AND DATE '"
                + days.to() + "' AND site = 'default' GROUP BY dt ORDER BY dt";
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            out.printf(
                    "  %-10s %9s %10s %7s %13s %11s%n",
                    "day", "visits", "converting", "orders", "revenue", "conversion");
            while (rows.next()) {
                long visits = rows.getLong(2);
                out.printf(
                        "  %-10s %,9d %,10d %,7d %,13.2f %10.2f%%%n",
                        rows.getString(1),
                        visits,
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getLong(5) / 100.0,
                        visits == 0 ? 0.0 : 100.0 * rows.getLong(3) / visits);
            }
        } catch (SQLException e) {
            throw LoglakeException.external("Cannot read the shop's figures: " + e.getMessage(), e);
        }
    }
}
