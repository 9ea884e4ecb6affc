package dev.loglake.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configuration key loglake knows, gathered from the typed config classes. */
public final class ConfigRegistry {
    private static final Map<String, ConfigProperty> PROPERTIES = index(List.of(
            TrinoConfig.PROPERTIES,
            S3Config.PROPERTIES,
            LakeConfig.PROPERTIES,
            TransformConfig.PROPERTIES,
            LeaseConfig.PROPERTIES,
            GenerateConfig.PROPERTIES,
            GenerateVolumeConfig.PROPERTIES,
            ScheduleConfig.PROPERTIES,
            StackConfig.PROPERTIES,
            ShopConfig.PROPERTIES));

    private ConfigRegistry() {}

    public static List<ConfigProperty> all() {
        return List.copyOf(PROPERTIES.values());
    }

    public static Optional<ConfigProperty> find(String key) {
        return Optional.ofNullable(PROPERTIES.get(key));
    }

    public static Optional<ConfigProperty> findByEnvironmentVariable(String name) {
        return PROPERTIES.values().stream()
                .filter(property -> property.environmentVariable().equals(name))
                .findFirst();
    }

    /** The known key closest to a misspelled one, for "did you mean" hints. */
    public static Optional<String> closestKey(String unknown) {
        return PROPERTIES.keySet().stream()
                .min(Comparator.comparingInt(key -> EditDistance.between(key, unknown)))
                .filter(key -> EditDistance.between(key, unknown) <= Math.max(3, unknown.length() / 3));
    }

    private static Map<String, ConfigProperty> index(List<List<ConfigProperty>> groups) {
        Map<String, ConfigProperty> byKey = new LinkedHashMap<>();
        List<ConfigProperty> flat = new ArrayList<>();
        groups.forEach(flat::addAll);
        for (ConfigProperty property : flat) {
            if (byKey.put(property.key(), property) != null) {
                throw new IllegalStateException("Configuration key declared twice: " + property.key());
            }
        }
        return byKey;
    }
}
