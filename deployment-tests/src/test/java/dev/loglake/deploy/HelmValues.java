package dev.loglake.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Helm installs: user values merged over the chart's defaults as Helm 3 does it (chartutil.CoalesceValues):
 * maps merge key by key, any other value replaces the default, and a null removes the default's key ("Deleting a
 * default key" in Helm's values-files guide). So {@code catalogs: {hive: ...}} alone keeps the chart's default
 * catalogs beside hive.
 */
final class HelmValues {
    private HelmValues() {}

    static Map<String, Object> coalesce(Map<String, Object> defaults, Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        values.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> && defaults.get(key) instanceof Map<?, ?>) {
                merged.put(key, coalesce(Yaml.child(defaults, key), Yaml.child(values, key)));
            } else {
                merged.put(key, value);
            }
        });
        return Collections.unmodifiableMap(merged);
    }
}
