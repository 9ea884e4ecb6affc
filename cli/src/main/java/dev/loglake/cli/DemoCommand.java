package dev.loglake.cli;

import dev.loglake.cli.stack.StackCommand;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.core.config.StackConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateResult;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeClients;
import dev.loglake.stack.LocalStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code loglake demo}: the main job on the local stack, from nothing to a loaded lake: start the stack,
 * simulate a few days of traffic into S3, load them through Trino, and show the headline figures. Every step
 * is idempotent, so running the demo again redoes nothing that is done.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the pipeline on the local stack: start the stack if needed, generate a few days of web traffic"
                    + " into S3, load them into the lake with Trino, and print the headline figures.",
            "Running it again skips what is done."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--start", paramLabel = "DATE", description = "First simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate start = LocalDate.of(2026, 11, 1);

    @Option(names = "--days", paramLabel = "N", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days = 3;

    @Option(
            names = "--events-per-day",
            paramLabel = "N",
            description = "Simulated requests per day (default: ${DEFAULT-VALUE}).")
    long eventsPerDay = 200_000;

    @Option(
            names = "--with-shop",
            description = "Also simulate the shop: its orders into the stack's database shop, that database as the"
                    + " Trino catalog shop.catalog, the conversions mart joining the two, and the shop's figures.")
    boolean withShop;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Settings settings = config.settings();
        LocalStack stack = new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
        out.println("Step 1/4: the local stack in " + stack.layout().root());
        out.flush();
        LocalStack.UpResult up = stack.up();
        StackCommand.printEndpoints(out, stack, up);
        Settings connected = settings.with(stack.connectionSettings(stack.credentials()), "local stack");
        LakeClients clients = LakeClients.from(connected);
        LakeConfig lake = clients.lake();
        ShopConfig shopConfig = ShopConfig.from(connected);
        Optional<DemoShop> shop =
                withShop ? Optional.of(new DemoShop(stack, clients.trino(), shopConfig)) : Optional.empty();
        DayRange range = new DayRange(start, start.plusDays(days - 1L));

        try (S3Client s3 = clients.s3(8)) {
            out.printf(
                    "%nStep 2/4: simulating %d day(s) of traffic from %s into s3://%s/%n",
                    days, start, lake.rawBucket());
            out.flush();
            GenerateResult generated = generate(s3, lake, shop);
            out.printf(
                    "  %,d lines written (%d hour(s) already there were skipped); ground truth in s3://%s/%s%n",
                    generated.linesWritten(), generated.hoursSkipped(), lake.rawBucket(), generated.manifestKey());
            if (shop.isPresent()) {
                out.printf("  the shop's orders of those days are in the database shop of the stack's PostgreSQL%n");
                shop.get().connect(clients.schemas().catalog().name(), out);
            }

            out.printf("%nStep 3/4: loading the raw days into the lake through Trino%n");
            out.flush();
            TransformRunner runner = new TransformRunner(
                    clients.trino(),
                    s3,
                    clients.schemas(),
                    TransformConfig.from(connected),
                    LeaseConfig.from(connected),
                    shopConfig);
            printLoaded(runner.run(TransformRequest.pending()), out);
            if (shop.isPresent() && !shop.get().converted(clients.schemas(), range)) {
                out.printf("  %s was loaded before the shop was connected: loading it again with the shop%n", range);
                out.flush();
                printLoaded(runner.run(TransformRequest.days(range)), out);
            }

            out.printf("%nStep 4/4: headline figures (from %s.daily_traffic)%n", lake.schema("marts"));
            printHeadlines(clients.trino(), lake, out);
            if (shop.isPresent()) {
                out.printf(
                        "%n  The shop (from %s.conversions, the traffic joined with its orders)%n",
                        lake.schema("marts"));
                shop.get().printFigures(lake, range, out);
                out.printf(
                        "  The executive report shows them too: ./loglake report --period week --date %s%n",
                        range.to());
            }
        }
        out.printf(
                "%nDone. Connect DBeaver to %s (user %s, no password) and browse the %s, %s and %s schemas."
                        + "%nStop the stack with './loglake stack down'.%n",
                up.endpoints().trinoJdbcUrl(),
                up.endpoints().trinoUser(),
                lake.schema("raw"),
                lake.schema("staging"),
                lake.schema("marts"));
        return 0;
    }

    private GenerateResult generate(S3Client s3, LakeConfig lake, Optional<DemoShop> shop) {
        GenerateOptions options = GenerateOptions.standard(start, days, eventsPerDay);
        S3ObjectStore store = new S3ObjectStore(s3, lake.rawBucket(), "the local stack");
        try (ProgressReporter progress = ProgressReporter.toStderr("events", GenerateRun.plannedEvents(options))) {
            progress.start();
            GenerateRun run = shop.isPresent()
                    ? new GenerateRun(options, store, progress, shop.get().target())
                    : new GenerateRun(options, store, progress);
            return run.execute();
        }
    }

    private static void printLoaded(TransformSummary summary, PrintWriter out) {
        out.println(
                summary.nothingToDo()
                        ? "  every raw day was loaded already"
                        : String.format(
                                "  %,d requests loaded, %,d bad lines quarantined, in %.1f s",
                                summary.requestsLoaded(),
                                summary.linesQuarantined(),
                                summary.elapsed().toMillis() / 1000.0));
        out.flush();
    }

    private void printHeadlines(TrinoConnections trino, LakeConfig lake, PrintWriter out) {
        String sql = "SELECT dt, requests, visitors, page_views, sessions, bounced_sessions, response_bytes,"
                + " client_error_requests, server_error_requests, bot_requests, p95_ms FROM hive."
                + lake.schema("marts") + ".daily_traffic WHERE dt BETWEEN DATE '" + start + "' AND DATE '"
                + new DayRange(start, start.plusDays(days - 1L)).to() + "'"
                // The demo generates the default site; a lake may hold other sites' rows for the same days.
                + " AND site = 'default' ORDER BY dt";
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            out.printf(
                    "  %-10s %10s %9s %10s %9s %7s %9s %6s %6s %6s %8s%n",
                    "day",
                    "requests",
                    "visitors",
                    "pageviews",
                    "sessions",
                    "bounce",
                    "GB",
                    "4xx",
                    "5xx",
                    "bots",
                    "p95 ms");
            while (rows.next()) {
                long requests = rows.getLong("requests");
                long sessions = rows.getLong("sessions");
                out.printf(
                        "  %-10s %,10d %,9d %,10d %,9d %6.1f%% %9.2f %5.2f%% %5.2f%% %5.1f%% %8.1f%n",
                        rows.getString("dt"),
                        requests,
                        rows.getLong("visitors"),
                        rows.getLong("page_views"),
                        sessions,
                        sessions == 0 ? 0.0 : 100.0 * rows.getLong("bounced_sessions") / sessions,
                        rows.getLong("response_bytes") / 1e9,
                        100.0 * rows.getLong("client_error_requests") / requests,
                        100.0 * rows.getLong("server_error_requests") / requests,
                        100.0 * rows.getLong("bot_requests") / requests,
                        rows.getDouble("p95_ms"));
            }
        } catch (SQLException e) {
            throw LoglakeException.external("Cannot read the headline figures: " + e.getMessage(), e);
        }
    }
}
