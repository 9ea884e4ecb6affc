package dev.loglake.cli.stack;

import dev.loglake.stack.LocalStack;
import dev.loglake.stack.StackEndpoints;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loglake stack up|down|status|reset}: the local stack of real components on 127.0.0.1. */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description =
                "Run the local stack: PostgreSQL, Hive Metastore, an S3 server and Trino on 127.0.0.1, no Docker.",
        subcommands = {StackUpCommand.class, StackDownCommand.class, StackStatusCommand.class, StackResetCommand.class})
public final class StackCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** What {@code stack up} and {@code demo} print: where everything is, and how long start-up took. */
    public static void printEndpoints(PrintWriter out, LocalStack stack, LocalStack.UpResult result) {
        StackEndpoints endpoints = result.endpoints();
        if (stack.config().secure()) {
            out.println("Trino (JDBC, for DBeaver): " + endpoints.trinoJdbcUrl());
            out.println("                           users " + endpoints.trinoUser() + " (ETL, all rights) and "
                    + dev.loglake.stack.TrinoSecrets.ANALYST + " (reads reports and marts); passwords in "
                    + stack.layout().trinoSecrets());
        } else {
            out.println("Trino (JDBC, for DBeaver): " + endpoints.trinoJdbcUrl() + "   user: " + endpoints.trinoUser()
                    + ", no password");
        }
        if (stack.config().trinoWorkers() > 0) {
            out.println("Trino workers:             " + stack.config().trinoWorkers() + " on ports "
                    + stack.config().trinoWorkerPort(1) + " to "
                    + stack.config().trinoWorkerPort(stack.config().trinoWorkers()));
        }
        out.println("S3 endpoint:               " + endpoints.s3Endpoint() + "   keys in "
                + stack.layout().connectionFile());
        out.println("Hive Metastore:            " + endpoints.metastoreUri());
        out.println("PostgreSQL (metastore DB): " + endpoints.postgresJdbcUrl());
        out.println("PostgreSQL (shop DB):      " + stack.shopJdbcUrl() + "   user: "
                + dev.loglake.stack.ShopDatabase.USER + ", password in "
                + stack.layout().shopCredentials()
                + " (Trino has it as ${ENV:" + dev.loglake.stack.ShopDatabase.PASSWORD_VARIABLE + "})");
        out.println("Data and logs:             " + stack.layout().root() + " (logs in "
                + stack.layout().logs() + ")");
        if (result.alreadyRunning()) {
            out.println("The local stack was already running; nothing to do.");
        } else {
            out.printf("Stack up in %.1f s.%n", result.elapsed().toMillis() / 1000.0);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
