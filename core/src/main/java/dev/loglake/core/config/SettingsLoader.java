package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Resolves settings from their layers, each overriding the one before: the defaults, the connection file
 * of the local stack (written by {@code loglake stack up}), a properties file, {@code LOGLAKE_*}
 * environment variables, and command-line flags. An unknown key in any layer stops the run and is named.
 */
public final class SettingsLoader {
    /** Environment variables of the {@code loglake} launcher script, not configuration keys. */
    static final Set<String> RESERVED_VARIABLES =
            Set.of("LOGLAKE_CONFIG", "LOGLAKE_JAVA_OPTS", "LOGLAKE_JAVA_HOME", "LOGLAKE_SKIP_BUILD");

    public static final String CONFIG_FILE_VARIABLE = "LOGLAKE_CONFIG";
    public static final String DEFAULT_CONFIG_FILE = "loglake.properties";
    public static final String CONNECTION_FILE = "connection.properties";

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public SettingsLoader(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
    }

    public static SettingsLoader fromSystem() {
        return new SettingsLoader(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * @param explicitConfigFile the {@code --config} flag, if given
     * @param flags settings given as flags, already mapped to their keys
     */
    public Settings load(Optional<Path> explicitConfigFile, Map<String, String> flags) {
        Optional<Path> configFile = configFile(explicitConfigFile);
        Map<String, String> fileValues =
                configFile.map(SettingsLoader::readStrict).orElse(Map.of());
        Map<String, String> environmentValues = environmentValues();
        checkKnown(flags, "command-line flag");

        Settings beforeStack = Settings.defaults()
                .with(fileValues, "file " + configFile.map(Path::toString).orElse(""))
                .with(environmentValues, "environment")
                .with(flags, "command-line flag");
        Path connectionFile = StackConfig.from(beforeStack).dataDirectory().resolve(CONNECTION_FILE);
        Map<String, String> stackValues = Files.isRegularFile(connectionFile) ? readStrict(connectionFile) : Map.of();

        return Settings.defaults()
                .with(stackValues, "local stack " + connectionFile)
                .with(fileValues, "file " + configFile.map(Path::toString).orElse(""))
                .with(environmentValues, "environment")
                .with(flags, "command-line flag");
    }

    private Optional<Path> configFile(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return requireReadable(explicit.get(), "--config");
        }
        String fromEnvironment = environment.get(CONFIG_FILE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return requireReadable(Path.of(fromEnvironment), CONFIG_FILE_VARIABLE);
        }
        Path local = workingDirectory.resolve(DEFAULT_CONFIG_FILE);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    private static Optional<Path> requireReadable(Path file, String origin) {
        if (!Files.isReadable(file)) {
            throw LoglakeException.user(
                    "Configuration file %s (from %s) does not exist or is not readable. "
                            + "Check the path, or leave %s unset to use the defaults.",
                    file, origin, origin);
        }
        return Optional.of(file);
    }

    private Map<String, String> environmentValues() {
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("LOGLAKE_") || RESERVED_VARIABLES.contains(name)) {
                return;
            }
            ConfigProperty property = ConfigRegistry.findByEnvironmentVariable(name)
                    .orElseThrow(() -> LoglakeException.user(
                            "Unknown environment variable %s: it matches no configuration key.%s "
                                    + "Run 'loglake config keys' for the list.",
                            name, hint(name)));
            values.put(property.key(), value);
        });
        return values;
    }

    static Map<String, String> readStrict(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw LoglakeException.user("Cannot read configuration file %s: %s", file, e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        checkKnown(values, "file " + file);
        return values;
    }

    private static void checkKnown(Map<String, String> values, String origin) {
        for (String key : values.keySet()) {
            if (ConfigRegistry.find(key).isEmpty()) {
                throw LoglakeException.user(
                        "Unknown configuration key '%s' in %s.%s Run 'loglake config keys' for the list.",
                        key, origin, hint(key));
            }
        }
    }

    private static String hint(String unknown) {
        String asKey = unknown.startsWith("LOGLAKE_")
                ? unknown.substring("LOGLAKE_".length())
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '.')
                : unknown;
        return ConfigRegistry.closestKey(asKey)
                .map(key -> " Did you mean '" + key + "'?")
                .orElse("");
    }
}
