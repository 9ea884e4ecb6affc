package dev.loglake.cli;

import dev.loglake.cli.stack.StackCommand;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.stack.LocalStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code loglake demo}: the main job on the local stack, from nothing to a result. For now it starts the
 * stack and proves the lake works end to end with a smoke query; later stages add generate, transform
 * and report.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start the local stack (if needed) and run the pipeline on it, printing what each step did.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Settings settings = config.settings();
        LocalStack stack = new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
        out.println("Step 1/2: starting the local stack in " + stack.layout().root());
        LocalStack.UpResult up = stack.up();
        StackCommand.printEndpoints(out, stack, up);

        Settings connected = settings.with(stack.connectionSettings(stack.credentials()), "local stack");
        out.println();
        out.println("Step 2/2: smoke query through Trino, the Hive metastore and the S3 server");
        smokeQuery(new TrinoConnections(TrinoConfig.from(connected)), LakeConfig.from(connected), out);
        out.println();
        out.println("Done. Connect DBeaver to " + up.endpoints().trinoJdbcUrl() + " (user "
                + up.endpoints().trinoUser() + "); stop the stack with './loglake stack down'.");
        return 0;
    }

    private static void smokeQuery(TrinoConnections trino, LakeConfig lake, java.io.PrintWriter out) {
        String location = "s3://" + lake.warehouseBucket() + "/demo";
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS hive.demo WITH (location = '" + location + "')");
            statement.execute("DROP TABLE IF EXISTS hive.demo.smoke");
            statement.execute(
                    "CREATE TABLE hive.demo.smoke WITH (partitioned_by = ARRAY['dt']) AS"
                            + " SELECT n, DATE '2026-11-01' + n % 7 * INTERVAL '1' DAY AS dt FROM UNNEST(sequence(1, 7000)) AS t(n)");
            try (ResultSet result = statement.executeQuery(
                    "SELECT count(*), count(DISTINCT dt) FROM hive.demo.smoke WHERE dt >= DATE '2026-11-04'")) {
                result.next();
                out.printf(
                        "  wrote hive.demo.smoke (Parquet, 7 daily partitions) to %s; read back %d rows from %d"
                                + " partitions%n",
                        location, result.getLong(1), result.getLong(2));
            }
        } catch (SQLException e) {
            throw LoglakeException.external("The smoke query failed: " + e.getMessage(), e);
        }
    }
}
