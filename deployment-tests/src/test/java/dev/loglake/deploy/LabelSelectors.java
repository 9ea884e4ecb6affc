package dev.loglake.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes label selectors: every matchLabels entry and every matchExpressions requirement must hold. */
final class LabelSelectors {
    private LabelSelectors() {}

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return matchLabels.entrySet().stream()
                        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())))
                && selector.getMatchExpressions().stream().allMatch(requirement -> holds(requirement, labels));
    }

    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("Unknown label selector operator " + requirement.getOperator()
                    + " (expected In, NotIn, Exists or DoesNotExist)");
        };
    }
}
