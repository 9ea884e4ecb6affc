package dev.loglake.cli;

import dev.loglake.core.config.Settings;
import dev.loglake.core.config.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares for finding its configuration. */
public final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with configuration keys (default: $LOGLAKE_CONFIG, else ./loglake.properties"
                    + " if present). See 'loglake config keys'.")
    Path configFile;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Set a configuration key for this run, overriding files and environment variables.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The settings the command resolved last: the error reporter names the endpoints a failure is about. */
    private Settings resolved;

    /** Where settings come from: this process's environment, or the one a {@link CommandPlan} describes. */
    private SettingsLoader loader;

    /** Resolves settings, with {@code commandFlags} (a command's own flags mapped to keys) on top. */
    public Settings settings(Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>(overrides);
        flags.putAll(commandFlags);
        resolved = (loader != null ? loader : SettingsLoader.fromSystem()).load(Optional.ofNullable(configFile), flags);
        return resolved;
    }

    /** Makes {@link #settings} read another environment (a container's) instead of this process's. */
    void useLoader(SettingsLoader settingsLoader) {
        this.loader = settingsLoader;
    }

    /** The settings resolved by {@link #settings(Map)}, if the command got that far. */
    Optional<Settings> resolved() {
        return Optional.ofNullable(resolved);
    }

    public Settings settings() {
        return settings(Map.of());
    }
}
