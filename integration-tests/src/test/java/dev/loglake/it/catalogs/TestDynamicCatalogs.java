package dev.loglake.it.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.catalog.CatalogEntry;
import dev.loglake.lake.catalog.CatalogRequest;
import dev.loglake.lake.catalog.Catalogs;
import dev.loglake.stack.ShopDatabase;
import dev.loglake.stack.component.TrinoComponent;
import dev.loglake.stack.process.Ports;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import io.trino.jdbc.TrinoResultSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #15's dynamic catalogs on the shared test stack: the stack's {@code shop} database added as a catalog while
 * Trino runs, a query already running on the lake untouched by it, a join across the two catalogs, the password in
 * no statement text or log, the catalog still there after a restart of Trino; and every bad input refused before
 * Trino sees it, with the catalogs as they were.
 */
@ExtendWith(LocalStackExtension.class)
class TestDynamicCatalogs {
    private static final LocalDate DAY = LocalDate.of(2034, 6, 1);
    private static final String VARIABLE = ShopDatabase.PASSWORD_VARIABLE;
    private static final String LONG_QUERY_SOURCE = "it-catalogs-long-lake-query";
    /** Each request of the day comes back this often: about 200 MB of user agents, more than Trino buffers. */
    private static final long REPEATS = 1_000;

    @Test
    void aCatalogAddedWhileTrinoRunsJoinsTheLakeWithoutDisturbingItAndSurvivesARestart(TestStack stack)
            throws Exception {
        TransformFixture lake = new TransformFixture(stack, "catalogs");
        Manifest manifest = lake.generate(DAY, 1, 3_000, 0.0, 0.0);
        lake.transform(TransformRequest.pending());
        long requests = manifest.eventDates().get(DAY.toString()).validEvents();
        String password = stack.stack().shopDatabase().password();
        writeShopOrders(stack, password);
        Catalogs catalogs = catalogs(stack);

        // The lake query streams more rows than Trino's buffers hold to a client that stops reading after the first:
        // it stays RUNNING, whatever the machine's speed, until the client reads on.
        String longQuery = "SELECT f.user_agent, r.i FROM " + lake.table("marts", "fact_requests")
                + " f CROSS JOIN UNNEST(sequence(1, " + REPEATS + ")) AS r(i)";
        try (Connection reader = new TrinoConnections(stack.trinoConfig())
                        .withSource(LONG_QUERY_SOURCE)
                        .open();
                Statement statement = reader.createStatement();
                ResultSet rows = statement.executeQuery(longQuery)) {
            assertThat(rows.next()).isTrue();
            String queryId = rows.unwrap(TrinoResultSet.class).getQueryId();
            assertThat(queryState(stack, queryId))
                    .as("the lake query before the catalog is added")
                    .isEqualTo("RUNNING");

            catalogs.add(shop("shop", stack), Map.of(VARIABLE, password));

            assertThat(queryState(stack, queryId))
                    .as("the lake query after the catalog was added")
                    .isEqualTo("RUNNING");
            long read = 1;
            while (rows.next()) {
                read++;
            }
            assertThat(read).as("rows of the lake query").isEqualTo(requests * REPEATS);
        }

        assertThat(catalogs.list()).contains(new CatalogEntry("shop", "postgresql"));
        String join = "SELECT t.dt, t.requests, count(o.order_id), sum(o.amount_cents) FROM "
                + lake.table("marts", "daily_traffic") + " t JOIN shop.it_catalogs.orders o ON o.order_day = t.dt"
                + " GROUP BY t.dt, t.requests";
        List<Object> expected = List.of(java.sql.Date.valueOf(DAY), requests, 3L, 8_549L);
        assertThat(lake.rows(join)).containsExactly(expected);
        assertSecretKept(stack, password);

        stack.stop(TrinoComponent.NAME);
        stack.restartStopped();

        assertThat(catalogs.list()).contains(new CatalogEntry("shop", "postgresql"));
        assertThat(lake.rows(join)).containsExactly(expected);
        assertThat(trinoLog(stack)).doesNotContain(password);
        catalogs.drop("shop");
        assertThat(catalogs.list()).extracting(CatalogEntry::name).doesNotContain("shop");
    }

    @Test
    void eachBadInputIsRefusedWithAClearMessageAndLeavesTheCatalogsAsTheyWere(TestStack stack) {
        Catalogs catalogs = catalogs(stack);
        List<CatalogEntry> before = catalogs.list();
        Map<String, String> environment =
                Map.of(VARIABLE, stack.stack().shopDatabase().password(), "WRONG_PASSWORD", "not-the-password");
        String closedUrl = "jdbc:postgresql://127.0.0.1:" + Ports.findFree() + "/shop";

        assertRefused(
                catalogs,
                () -> catalogs.add(request("shop_unreachable", closedUrl, VARIABLE), environment),
                LoglakeException.Kind.EXTERNAL,
                "Cannot connect to " + closedUrl + " as user shop",
                "refused");
        assertRefused(
                catalogs,
                () -> catalogs.add(
                        request("shop_wrong_password", stack.stack().shopJdbcUrl(), "WRONG_PASSWORD"), environment),
                LoglakeException.Kind.EXTERNAL,
                "Cannot connect to " + stack.stack().shopJdbcUrl() + " as user shop",
                "password authentication failed for user \"shop\"");
        assertRefused(
                catalogs,
                () -> catalogs.add(request("shop_no_variable", stack.stack().shopJdbcUrl(), "UNSET_VAR"), environment),
                LoglakeException.Kind.USER,
                "The environment variable UNSET_VAR (--password-env) is not set");
        assertRefused(
                catalogs,
                () -> catalogs.add(request("shop-1", stack.stack().shopJdbcUrl(), VARIABLE), environment),
                LoglakeException.Kind.USER,
                "Invalid catalog name 'shop-1'");
        assertRefused(
                catalogs,
                () -> catalogs.add(request("hive", stack.stack().shopJdbcUrl(), VARIABLE), environment),
                LoglakeException.Kind.USER,
                "A catalog named hive already exists");
        assertRefused(
                catalogs,
                () -> catalogs.drop("hive"),
                LoglakeException.Kind.USER,
                "Refusing to drop catalog hive: it holds the lake's schemas (trino.catalog=hive)");
        assertRefused(catalogs, () -> catalogs.drop("no_such_catalog"), LoglakeException.Kind.USER, "No catalog named");

        assertThat(catalogs.list()).isEqualTo(before);
    }

    /** The action fails with a message of that kind, saying what is wrong, and no catalog was added or dropped. */
    private static void assertRefused(
            Catalogs catalogs, Runnable action, LoglakeException.Kind kind, String message, String... moreMessages) {
        List<CatalogEntry> before = catalogs.list();
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        LoglakeException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message)
                .satisfies(e -> List.of(moreMessages)
                        .forEach(more -> assertThat(e.getMessage()).contains(more)));
        assertThat(catalogs.list()).as("catalogs after: " + message).isEqualTo(before);
    }

    /**
     * The password is in none of the places Trino shows or keeps: the statement text in system.runtime.queries (and
     * the web UI, which shows the same), Trino's log, and the catalog's file in the coordinator's store.
     */
    private static void assertSecretKept(TestStack stack, String password) throws Exception {
        List<String> statements =
                strings(stack, "SELECT query FROM system.runtime.queries WHERE query LIKE 'CREATE CATALOG shop %'");
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).contains("${ENV:" + VARIABLE + "}").doesNotContain(password);
        assertThat(trinoLog(stack)).contains("shop").doesNotContain(password);
        Path stored = stack.stack().layout().trinoEtc().resolve("catalog").resolve("shop.properties");
        java.util.Properties catalog = new java.util.Properties();
        try (var reader = Files.newBufferedReader(stored, StandardCharsets.UTF_8)) {
            catalog.load(reader);
        }
        assertThat(catalog.getProperty("connection-password")).isEqualTo("${ENV:" + VARIABLE + "}");
        assertThat(Files.readString(stored, StandardCharsets.UTF_8)).doesNotContain(password);
    }

    private static String trinoLog(TestStack stack) throws Exception {
        return Files.readString(stack.stack().layout().processFiles("trino").logFile(), StandardCharsets.UTF_8);
    }

    /** A placeholder of the shop's orders in a schema of this test's own: 3 orders on the lake's day, 1 the day after. */
    private static void writeShopOrders(TestStack stack, String password) throws SQLException {
        try (Connection shop = DriverManager.getConnection(stack.stack().shopJdbcUrl(), ShopDatabase.USER, password);
                Statement statement = shop.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS it_catalogs CASCADE");
            statement.execute("CREATE SCHEMA it_catalogs");
            statement.execute(
                    "CREATE TABLE it_catalogs.orders (order_id bigint PRIMARY KEY, order_day date, amount_cents bigint)");
            statement.execute("INSERT INTO it_catalogs.orders VALUES (1, DATE '" + DAY + "', 1000), (2, DATE '" + DAY
                    + "', 2550), (3, DATE '" + DAY + "', 4999), (4, DATE '" + DAY.plusDays(1) + "', 700)");
        }
    }

    private static String queryState(TestStack stack, String queryId) throws SQLException {
        return strings(stack, "SELECT state FROM system.runtime.queries WHERE query_id = '" + queryId + "'")
                .get(0);
    }

    private static List<String> strings(TestStack stack, String sql) throws SQLException {
        return rows(stack, sql).stream().map(row -> row.get(0)).toList();
    }

    private static List<List<String>> rows(TestStack stack, String sql) throws SQLException {
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new java.util.ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static CatalogRequest shop(String name, TestStack stack) {
        return request(name, stack.stack().shopJdbcUrl(), VARIABLE);
    }

    private static CatalogRequest request(String name, String url, String variable) {
        return new CatalogRequest(name, "postgresql", url, ShopDatabase.USER, variable);
    }

    private static Catalogs catalogs(TestStack stack) {
        return new Catalogs(new TrinoConnections(stack.trinoConfig()), "hive");
    }
}
