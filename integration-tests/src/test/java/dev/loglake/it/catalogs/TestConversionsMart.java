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
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportRunner;
import dev.loglake.reports.model.Business;
import dev.loglake.reports.model.BusinessFigures;
import dev.loglake.reports.model.ChannelRow;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.Unit;
import dev.loglake.reports.render.Html;
import dev.loglake.stack.ShopDatabase;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue #15's conversions mart and report on the shared test stack: two days generated with the shop (its orders in a
 * schema of the stack's shop database), loaded without the shop catalog (the mart is skipped, the report says no
 * business data is connected), then with it (the mart equals the manifest's ground truth, row for row, and the day's
 * report shows the manifest's revenue, orders and conversion rate, their change against the day before and the
 * revenue by channel), and refused, naming the table, when the shop's schema lacks the orders.
 */
@ExtendWith(LocalStackExtension.class)
class TestConversionsMart {
    private static final LocalDate PREVIOUS_DAY = LocalDate.of(2034, 7, 2);
    private static final LocalDate DAY = LocalDate.of(2034, 7, 3);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2034-07-10T06:00:00Z"), ZoneOffset.UTC);
    private static final String CATALOG = "it_shop";
    private static final String SCHEMA = "it_conversions";
    private static final String EMPTY_SCHEMA = "it_conversions_empty";

    @Test
    void theMartAndTheReportJoinTheLakeWithTheShopAndEqualTheManifest(TestStack stack, @TempDir Path out)
            throws Exception {
        TransformFixture lake = new TransformFixture(stack, "conversions");
        String password = stack.stack().shopDatabase().password();
        resetSchemas(stack, password);
        Manifest manifest = generate(stack, lake, password);
        Manifest rerun = generate(stack, lake, password);
        assertThat(rerun.shop()).isEqualTo(manifest.shop());
        long orders =
                total(manifest, DAY).orders() + total(manifest, PREVIOUS_DAY).orders();
        assertThat(total(manifest, DAY).orders()).as("orders of the day").isPositive();
        assertThat(countOrders(stack, password))
                .as("the rerun replaced the day's orders")
                .isEqualTo(orders);

        transform(stack, lake, new ShopConfig(CATALOG, SCHEMA), TransformRequest.pending());
        assertThat(tableExists(stack, lake))
                .as("the mart is skipped without the shop catalog")
                .isFalse();
        assertThat(report(stack, lake, out.resolve("traffic-only")).business())
                .as("a report without business data")
                .isEmpty();
        assertThat(out.resolve("traffic-only/report.html")).content().contains(Html.escape(Business.NOT_CONNECTED));

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

            Business business =
                    report(stack, lake, out.resolve("with-shop")).business().orElseThrow();
            assertThat(business.kpis())
                    .isEqualTo(BusinessFigures.kpis(total(manifest, DAY), Optional.of(total(manifest, PREVIOUS_DAY))));
            assertThat(business.channels()).isEqualTo(channels(manifest, DAY));
            assertThat(out.resolve("with-shop/report.html"))
                    .content()
                    .contains("id=\"kpi-revenue\"><div class=\"label\">Revenue</div><div class=\"value\">"
                            + Unit.CENTS.format(total(manifest, DAY).revenueCents()))
                    .doesNotContain(Html.escape(Business.NOT_CONNECTED));
        } finally {
            catalogs.drop(CATALOG);
        }
    }

    /** The manifest's visits, converting visits, orders and revenue of a day, over its channels and campaigns. */
    private static BusinessFigures total(Manifest manifest, LocalDate day) {
        return sum(manifest.shop().get(day.toString()));
    }

    /** The manifest's day by channel, most revenue first (ties by channel), as the report's table. */
    private static List<ChannelRow> channels(Manifest manifest, LocalDate day) {
        Map<String, List<ChannelDayStats>> byChannel =
                manifest.shop().get(day.toString()).stream().collect(Collectors.groupingBy(ChannelDayStats::channel));
        return byChannel.entrySet().stream()
                .map(channel -> new ChannelRow(channel.getKey(), sum(channel.getValue())))
                .sorted(Comparator.comparingLong(
                                (ChannelRow row) -> -row.figures().revenueCents())
                        .thenComparing(ChannelRow::channel))
                .toList();
    }

    private static BusinessFigures sum(List<ChannelDayStats> stats) {
        return new BusinessFigures(
                stats.stream().mapToLong(ChannelDayStats::sessions).sum(),
                stats.stream().mapToLong(ChannelDayStats::convertingSessions).sum(),
                stats.stream().mapToLong(ChannelDayStats::orders).sum(),
                stats.stream().mapToLong(ChannelDayStats::revenueCents).sum());
    }

    /** The day's report, written into {@code dir}: its model as the runner read it. */
    private static ReportModel report(TestStack stack, TransformFixture lake, Path dir) {
        try (S3Client s3 = stack.newS3Client()) {
            ReportRunner runner = new ReportRunner(
                    new TrinoConnections(stack.trinoConfig()), s3, LakeSchemas.of("hive", lake.lake()), CLOCK);
            ReportRequest request = new ReportRequest(DAY, Period.DAY, dir);
            runner.run(request);
            return runner.model(request);
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
        return new DayRange(PREVIOUS_DAY, DAY);
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
                PREVIOUS_DAY,
                2,
                2_500,
                15,
                OutputFormat.COMBINED,
                Compression.GZIP,
                1,
                0,
                0,
                GenerateOptions.defaultIncidents(PREVIOUS_DAY, 2),
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
