package dev.loglake.cli.catalog;

import dev.loglake.cli.ConfigOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "drop",
        mixinStandardHelpOptions = true,
        description = "Drop a catalog added with 'catalog add' (DROP CATALOG). Refuses the lake's own catalog"
                + " (trino.catalog). Queries already running on the catalog are not stopped.")
final class CatalogDropCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "NAME", description = "The catalog to drop.")
    String name;

    @Override
    public Integer call() {
        CatalogCommand.catalogs(config).drop(name);
        spec.commandLine().getOut().println("Catalog " + name + " dropped.");
        return 0;
    }
}
