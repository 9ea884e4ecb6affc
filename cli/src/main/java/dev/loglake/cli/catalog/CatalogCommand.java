package dev.loglake.cli.catalog;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.catalog.Catalogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loglake catalog add|list|drop}: catalogs added to Trino while it runs, beside the lake's own. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Add, list and drop Trino catalogs while Trino runs (dynamic catalogs), such as the shop's"
                + " PostgreSQL database beside the lake; created catalogs survive a restart of Trino.",
        subcommands = {CatalogAddCommand.class, CatalogListCommand.class, CatalogDropCommand.class})
public final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    static Catalogs catalogs(ConfigOptions config) {
        TrinoConfig trino = TrinoConfig.from(config.settings());
        return new Catalogs(new TrinoConnections(trino), trino.catalog());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
