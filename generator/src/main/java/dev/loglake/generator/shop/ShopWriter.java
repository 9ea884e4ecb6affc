package dev.loglake.generator.shop;

import dev.loglake.core.LoglakeException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes the simulated shop's operational tables ({@code customers}, {@code orders}, {@code order_items}, in the
 * connection's default schema) for the days of a run, in one transaction: each day's orders of the storefront (the
 * generate --site) are deleted and inserted again, so a rerun of a day replaces them and leaves other days and
 * sites alone. Customers are kept across days (a returning visitor orders again), with their first order's time.
 */
public final class ShopWriter implements ShopSink {
    static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS customers (
                customer_id bigint PRIMARY KEY,
                email text NOT NULL,
                first_order_at timestamptz NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS orders (
                order_id bigint PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers,
                storefront text NOT NULL,
                ordered_at timestamptz NOT NULL,
                order_day date NOT NULL,
                status text NOT NULL,
                currency text NOT NULL,
                amount_cents bigint NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS orders_by_day ON orders (storefront, order_day)",
            """
            CREATE TABLE IF NOT EXISTS order_items (
                order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
                line_number int NOT NULL,
                sku text NOT NULL,
                product_name text NOT NULL,
                quantity int NOT NULL,
                unit_price_cents bigint NOT NULL,
                amount_cents bigint NOT NULL,
                PRIMARY KEY (order_id, line_number))""");

    private final ShopDatabaseTarget target;

    public ShopWriter(ShopDatabaseTarget target) {
        this.target = target;
    }

    @Override
    public void check() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
        } catch (SQLException e) {
            throw failure("prepare the shop's tables in", e);
        }
    }

    @Override
    public void replaceDays(String storefront, LocalDate firstDay, Map<LocalDate, List<ShopOrder>> days) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                for (Map.Entry<LocalDate, List<ShopOrder>> day : days.entrySet()) {
                    boolean ownDay = !day.getKey().isBefore(firstDay);
                    if (ownDay) {
                        delete(connection, storefront, day.getKey());
                    }
                    insert(connection, storefront, day.getValue(), ownDay ? "" : " ON CONFLICT (order_id) DO NOTHING");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write the shop's orders to", e);
        }
    }

    private static void delete(Connection connection, String storefront, LocalDate day) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM orders WHERE storefront = ? AND order_day = ?")) {
            delete.setString(1, storefront);
            delete.setDate(2, Date.valueOf(day));
            delete.executeUpdate();
        }
    }

    private static void insert(Connection connection, String storefront, List<ShopOrder> orders, String onConflict)
            throws SQLException {
        try (PreparedStatement customers = connection.prepareStatement(
                        "INSERT INTO customers (customer_id, email, first_order_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (customer_id) DO UPDATE"
                                + " SET first_order_at = least(customers.first_order_at, excluded.first_order_at)");
                PreparedStatement header = connection.prepareStatement("INSERT INTO orders (order_id, customer_id,"
                        + " storefront, ordered_at, order_day, status, currency, amount_cents)"
                        + " VALUES (?, ?, ?, ?, ?, 'paid', 'USD', ?)" + onConflict);
                PreparedStatement lines = connection.prepareStatement("INSERT INTO order_items (order_id, line_number,"
                        + " sku, product_name, quantity, unit_price_cents, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + (onConflict.isEmpty() ? "" : " ON CONFLICT (order_id, line_number) DO NOTHING"))) {
            // One row per customer: a rewritten multi-row INSERT may not update the same row twice.
            Map<Long, Long> firstOrders = new TreeMap<>();
            orders.forEach(order -> firstOrders.merge(order.customerId(), order.orderedAtMillis(), Math::min));
            for (Map.Entry<Long, Long> customer : firstOrders.entrySet()) {
                customers.setLong(1, customer.getKey());
                customers.setString(2, "customer-" + customer.getKey() + "@example.com");
                customers.setObject(3, utc(customer.getValue()));
                customers.addBatch();
            }
            for (ShopOrder order : orders) {
                OffsetDateTime at = utc(order.orderedAtMillis());
                header.setLong(1, order.orderId());
                header.setLong(2, order.customerId());
                header.setString(3, storefront);
                header.setObject(4, at);
                header.setObject(5, at.toLocalDate());
                header.setLong(6, order.amountCents());
                header.addBatch();
                for (ShopOrder.OrderItem item : order.items()) {
                    lines.setLong(1, order.orderId());
                    lines.setInt(2, item.lineNumber());
                    lines.setString(3, item.sku());
                    lines.setString(4, item.productName());
                    lines.setInt(5, item.quantity());
                    lines.setLong(6, item.unitPriceCents());
                    lines.setLong(7, item.amountCents());
                    lines.addBatch();
                }
            }
            customers.executeBatch();
            header.executeBatch();
            lines.executeBatch();
        }
    }

    private static OffsetDateTime utc(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    private LoglakeException failure(String action, SQLException e) {
        return LoglakeException.external(
                "Cannot %s the shop database (%s): %s%s",
                action,
                target,
                e.getMessage(),
                "28P01".equals(e.getSQLState()) ? ". Check the password's environment variable." : "");
    }
}
