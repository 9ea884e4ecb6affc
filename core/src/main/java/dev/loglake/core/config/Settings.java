package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolved configuration: for every known key, its value and the layer it came from (so that an error
 * can say "s3.endpoint from environment variable LOGLAKE_S3_ENDPOINT"). Immutable.
 */
public final class Settings {
    /** A value and where it came from. */
    public record Value(String value, String source) {
        public Value {
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
        }
    }

    private final Map<String, Value> values;

    public Settings(Map<String, Value> values) {
        this.values = Map.copyOf(values);
        for (String key : this.values.keySet()) {
            if (ConfigRegistry.find(key).isEmpty()) {
                throw new IllegalArgumentException("Unknown configuration key: " + key);
            }
        }
    }

    /** The defaults of every known key, before any file, environment variable or flag. */
    public static Settings defaults() {
        Map<String, Value> values = new LinkedHashMap<>();
        for (ConfigProperty property : ConfigRegistry.all()) {
            values.put(property.key(), new Value(property.defaultValue(), "default"));
        }
        return new Settings(values);
    }

    /** A copy with {@code overrides} applied on top. */
    public Settings with(Map<String, String> overrides, String source) {
        Map<String, Value> merged = new LinkedHashMap<>(values);
        overrides.forEach((key, value) -> merged.put(key, new Value(value, source)));
        return new Settings(merged);
    }

    public String get(String key) {
        return value(key).value();
    }

    public Optional<String> getOptional(String key) {
        String value = get(key);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String source(String key) {
        return value(key).source();
    }

    public int getPort(String key) {
        String raw = get(key).trim();
        try {
            int port = Integer.parseInt(raw);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below, which names the key and its source
        }
        throw LoglakeException.user(
                "Invalid value for %s: '%s' (%s). Expected a TCP port from 1 to 65535.", key, raw, source(key));
    }

    public boolean getBoolean(String key) {
        String raw = get(key).trim();
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw LoglakeException.user("Invalid value for %s: '%s' (%s). Expected true or false.", key, raw, source(key));
    }

    public Map<String, Value> asMap() {
        return values;
    }

    private Value value(String key) {
        Value value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Unknown configuration key: " + key);
        }
        return value;
    }
}
