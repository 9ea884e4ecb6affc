package dev.loglake.it.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.shop.ShopDatabaseTarget;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.catalog.CatalogRequest;
import dev.loglake.lake.catalog.Catalogs;
import dev.loglake.stack.ShopDatabase;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue #15's conversions mart on the shared test stack: a day generated with the shop (its orders in a schema of the
 * stack's shop database), loaded without the shop catalog (the mart is skipped), then with it (the mart equals the
 * manifest's ground truth, row for row), and refused, naming the table, when the shop's schema lacks the orders.
 */
@ExtendWith(LocalStackExtension.class)
class TestConversionsMart {
    private static final LocalDate DAY = LocalDate.of(2034, 7, 3);
    private static final String CATALOG = "it_shop";
    private static final String SCHEMA = "it_conversions";
    private static final String EMPTY_SCHEMA = "it_conversions_empty";

    @Test
    void theMartJoinsTheLakeWithTheShopAndEqualsTheManifest(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "conversions");
        String password = stack.stack().shopDatabase().password();
        resetSchemas(stack, password);
        Manifest manifest = generate(stack, lake, password);
        Manifest rerun = generate(stack, lake, password);
        assertThat(rerun.shop()).isEqualTo(manifest.shop());
        long orders = manifest.shop().get(DAY.toString()).stream()
                .mapToLong(ChannelDayStats::orders)
                .sum();
        assertThat(orders).as("orders of the day").isPositive();
        assertThat(countOrders(stack, password))
                .as("the rerun replaced the day's orders")
                .isEqualTo(orders);

        transform(stack, lake, new ShopConfig(CATALOG, SCHEMA), TransformRequest.pending());
        assertThat(tableExists(stack, lake))
                .as("the mart is skipped without the shop catalog")
                .isFalse();

        Catalogs catalogs = new Catalogs(new TrinoConnections(stack.trinoConfig()), "hive");
        catalogs.add(
                new CatalogRequest(
                        CATALOG,
                        "postgresql",
                        stack.stack().shopJdbcUrl(),
                        ShopDatabase.USER,
                        ShopDatabase.PASSWORD_VARIABLE),
                Map.of(ShopDatabase.PASSWORD_VARIABLE, password));
        try {
            assertThatThrownBy(() -> transform(
                            stack, lake, new ShopConfig(CATALOG, EMPTY_SCHEMA), TransformRequest.days(range())))
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("has no table " + EMPTY_SCHEMA + ".orders")
                    .hasMessageContaining("marts/conversions.sql");
            assertThat(tableExists(stack, lake))
                    .as("a refused run writes no mart")
                    .isFalse();

            transform(stack, lake, new ShopConfig(CATALOG, SCHEMA), TransformRequest.days(range()));

            assertThat(martRows(stack, lake)).isEqualTo(expected(manifest));
        } finally {
            catalogs.drop(CATALOG);
        }
    }

    private static List<List<Object>> expected(Manifest manifest) {
        List<List<Object>> rows = new ArrayList<>();
        manifest.shop()
                .forEach((day, stats) -> stats.forEach(s -> rows.add(List.of(
                        day,
                        s.channel(),
                        s.campaign(),
                        s.sessions(),
                        s.convertingSessions(),
                        s.orders(),
                        s.revenueCents()))));
        return rows;
    }

    private static List<List<Object>> martRows(TestStack stack, TransformFixture lake) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery("SELECT CAST(dt AS varchar), channel, campaign, sessions,"
                        + " converting_sessions, orders, revenue_cents FROM " + lake.table("marts", "conversions")
                        + " ORDER BY dt, channel, campaign")) {
            while (result.next()) {
                rows.add(List.of(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getLong(4),
                        result.getLong(5),
                        result.getLong(6),
                        result.getLong(7)));
            }
        }
        return rows;
    }

    private static boolean tableExists(TestStack stack, TransformFixture lake) throws SQLException {
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*) FROM hive.information_schema.tables WHERE table_schema = '"
                                + lake.lake().schema("marts") + "' AND table_name = 'conversions'")) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    private static DayRange range() {
        return new DayRange(DAY, DAY);
    }

    private static void transform(TestStack stack, TransformFixture lake, ShopConfig shop, TransformRequest request) {
        try (S3Client s3 = stack.newS3Client()) {
            new TransformRunner(
                            new TrinoConnections(stack.trinoConfig()),
                            s3,
                            LakeSchemas.of("hive", lake.lake()),
                            TransformConfig.from(lake.settings()),
                            LeaseConfig.from(lake.settings()),
                            shop)
                    .run(request);
        }
    }

    private static Manifest generate(TestStack stack, TransformFixture lake, String password) {
        GenerateOptions options = new GenerateOptions(
                DAY,
                1,
                4_000,
                15,
                OutputFormat.COMBINED,
                Compression.GZIP,
                1,
                0,
                0,
                GenerateOptions.defaultIncidents(DAY, 1),
                2,
                GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.empty());
        try (S3Client s3 = stack.newS3Client()) {
            ProgressReporter silent = new ProgressReporter(
                    "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
            return new GenerateRun(
                            options,
                            new S3ObjectStore(s3, lake.lake().rawBucket(), "test stack"),
                            silent,
                            new ShopDatabaseTarget(
                                    stack.stack().shopJdbcUrl() + "?currentSchema=" + SCHEMA,
                                    ShopDatabase.USER,
                                    password))
                    .execute()
                    .manifest();
        }
    }

    private static void resetSchemas(TestStack stack, String password) throws SQLException {
        try (Connection shop = DriverManager.getConnection(stack.stack().shopJdbcUrl(), ShopDatabase.USER, password);
                Statement statement = shop.createStatement()) {
            for (String schema : List.of(SCHEMA, EMPTY_SCHEMA)) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
    }

    private static long countOrders(TestStack stack, String password) throws SQLException {
        try (Connection shop = DriverManager.getConnection(stack.stack().shopJdbcUrl(), ShopDatabase.USER, password);
                Statement statement = shop.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + SCHEMA + ".orders")) {
            result.next();
            return result.getLong(1);
        }
    }
}
