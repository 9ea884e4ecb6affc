package dev.loglake.cli.catalog;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.lake.catalog.CatalogRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Add a catalog to the running Trino (CREATE CATALOG), without a restart.",
            "First checks that the name is a lower-case identifier not in use, and that the database answers with"
                    + " these credentials (a direct connection from here). The password is read from the"
                    + " environment variable --password-env names; Trino gets only ${ENV:VAR}, so the variable must"
                    + " also be in Trino's environment (local stack: key stack.trino-env; Kubernetes: a Secret as"
                    + " env of the coordinator and the workers)."
        })
final class CatalogAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "NAME", description = "The catalog's name, such as shop.")
    String name;

    @Option(names = "--connector", required = true, paramLabel = "CONNECTOR", description = "postgresql")
    String connector;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "JDBC_URL",
            description = "The database, such as jdbc:postgresql://127.0.0.1:15432/shop.")
    String url;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The database user.")
    String user;

    @Option(
            names = "--password-env",
            required = true,
            paramLabel = "VAR",
            description = "The environment variable that holds the password (here and in Trino's environment).")
    String passwordVariable;

    @Override
    public Integer call() {
        CatalogRequest request = new CatalogRequest(name, connector, url, user, passwordVariable);
        CatalogCommand.catalogs(config).add(request, System.getenv());
        spec.commandLine()
                .getOut()
                .println("Catalog " + name + " (" + connector + ", " + url + ", user " + user
                        + ") added; Trino reads its password from ${ENV:" + passwordVariable + "}.");
        return 0;
    }
}
