package dev.loglake.cli.catalog;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.lake.catalog.CatalogEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List Trino's catalogs with their connectors (system.metadata.catalogs).")
final class CatalogListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.printf("%-24s %s%n", "CATALOG", "CONNECTOR");
        for (CatalogEntry catalog : CatalogCommand.catalogs(config).list()) {
            out.printf("%-24s %s%n", catalog.name(), catalog.connector());
        }
        return 0;
    }
}
