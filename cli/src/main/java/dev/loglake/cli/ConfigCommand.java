package dev.loglake.cli;

import dev.loglake.core.config.ConfigProperty;
import dev.loglake.core.config.ConfigRegistry;
import dev.loglake.core.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loglake config keys|show}: what can be configured, and what is configured now. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "List the configuration keys, or show the resolved configuration and where each value came from.",
        subcommands = {ConfigCommand.Keys.class, ConfigCommand.Show.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "List every key, its default and meaning.")
    static final class Keys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (ConfigProperty property : ConfigRegistry.all()) {
                out.printf(
                        "%-26s %-32s %s%n  default: %s%n",
                        property.key(),
                        property.environmentVariable(),
                        property.description(),
                        property.defaultValue().isEmpty() ? "(empty)" : property.defaultValue());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show resolved values (secrets masked).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() {
            Settings settings = config.settings();
            var out = spec.commandLine().getOut();
            for (ConfigProperty property : ConfigRegistry.all()) {
                String value = settings.get(property.key());
                String shown = property.secret() && !value.isEmpty() ? "********" : value;
                out.printf("%s=%s    # %s%n", property.key(), shown, settings.source(property.key()));
            }
            return 0;
        }
    }
}
