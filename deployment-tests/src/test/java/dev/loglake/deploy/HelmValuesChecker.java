package dev.loglake.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares user values with a chart's values.yaml: every key the user sets must exist in the chart at the
 * same path, or Helm silently ignores it. Where the chart's default is an empty map, a list or null, the
 * content is the user's to choose; a few non-empty defaults are free-form too (see FREE_FORM).
 */
final class HelmValuesChecker {
    /**
     * Chart keys whose content is not the chart's schema: catalog names of the user's choosing, and
     * Kubernetes security contexts, which the chart copies into the pod spec as they are.
     */
    private static final Set<String> FREE_FORM = Set.of("catalogs", "securityContext", "containerSecurityContext");

    /** Keys the chart documents for maps whose default is empty ({@code auth: {}}). */
    private static final Map<String, Set<String>> DOCUMENTED_KEYS = Map.of(
            "auth",
            Set.of("passwordAuth", "passwordAuthSecret", "refreshPeriod", "groups", "groupAuthSecret"),
            "accessControl",
            Set.of("type", "refreshPeriod", "configFile", "rules", "properties"));

    private HelmValuesChecker() {}

    static List<String> unknownKeys(Map<String, Object> values, Map<String, Object> chartValues) {
        List<String> problems = new ArrayList<>();
        check(values, chartValues, "", problems);
        return problems;
    }

    private static void check(
            Map<String, Object> values, Map<String, Object> chart, String prefix, List<String> problems) {
        values.forEach((key, value) -> {
            String path = prefix + key;
            if (!chart.containsKey(key)) {
                problems.add(path + " is not a value of the chart" + suggestion(key, chart.keySet()));
                return;
            }
            Object defaultValue = chart.get(key);
            // A null deletes the chart's key (Helm's "Deleting a default key"): any key the chart has may be deleted.
            if (value == null || FREE_FORM.contains(path)) {
                return;
            }
            if (DOCUMENTED_KEYS.containsKey(path) && value instanceof Map<?, ?> map) {
                map.keySet().stream()
                        .map(String::valueOf)
                        .filter(child -> !DOCUMENTED_KEYS.get(path).contains(child))
                        .forEach(child -> problems.add(path + "." + child + " is not a documented key of " + path));
                return;
            }
            if (defaultValue instanceof Map<?, ?> defaults && !defaults.isEmpty()) {
                if (value instanceof Map<?, ?>) {
                    check(Yaml.child(values, key), Yaml.child(chart, key), path + ".", problems);
                } else {
                    problems.add(path + " is a map in the chart, not " + describe(value));
                }
            } else if (isScalar(defaultValue) && !isScalar(value)) {
                problems.add(path + " is a scalar in the chart, not " + describe(value));
            }
        });
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a map" : value instanceof List<?> ? "a list" : "a scalar";
    }

    private static String suggestion(String key, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(candidate -> distance(key, candidate)))
                .filter(candidate -> distance(key, candidate) <= 3)
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
