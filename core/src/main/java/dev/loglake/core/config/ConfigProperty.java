package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One documented configuration key: its dotted kebab-case name, its default and what it means.
 *
 * @param key the name, for example {@code s3.access-key}
 * @param defaultValue the value used when no layer sets the key; empty means "not set"
 * @param description one sentence for {@code loglake config keys} and the README
 * @param secret whether the value is masked when settings are printed
 */
public record ConfigProperty(String key, String defaultValue, String description, boolean secret) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    public ConfigProperty {
        requireNonNull(key, "key is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Configuration key must be dotted kebab-case: " + key);
        }
    }

    public static ConfigProperty of(String key, String defaultValue, String description) {
        return new ConfigProperty(key, defaultValue, description, false);
    }

    public static ConfigProperty secret(String key, String description) {
        return new ConfigProperty(key, "", description, true);
    }

    /** The environment variable that overrides this key: {@code s3.access-key} is {@code LOGLAKE_S3_ACCESS_KEY}. */
    public String environmentVariable() {
        return environmentVariableFor(key);
    }

    static String environmentVariableFor(String key) {
        return "LOGLAKE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
