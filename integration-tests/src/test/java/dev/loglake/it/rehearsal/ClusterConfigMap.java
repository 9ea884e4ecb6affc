package dev.loglake.it.rehearsal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ConfigMap as terraform/cluster-config builds it: the {@code data} of its {@code kubernetes_config_map_v1}
 * resource, each value's expression evaluated with the given inputs ({@code var.x}, {@code
 * data.terraform_remote_state.cloud_infra.outputs.y}) in place of the cloud's. An expression this reader does not
 * know, or an input it is not given, fails naming the key: a new key must be given a local value on purpose.
 */
final class ClusterConfigMap {
    private static final Pattern RESOURCE = Pattern.compile("resource \"kubernetes_config_map_v1\" \"[a-z_]+\" \\{");
    private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]+)}");

    private ClusterConfigMap() {}

    static Map<String, String> data(String mainTf, String configMapName, Map<String, String> inputs) {
        String data = dataBlock(resource(mainTf, configMapName), configMapName);
        Map<String, String> values = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(data);
        while (entry.find()) {
            values.put(entry.group(1), evaluate(entry.group(1), entry.group(2), inputs));
        }
        return Map.copyOf(values);
    }

    private static String evaluate(String key, String expression, Map<String, String> inputs) {
        if (REFERENCE.matcher(expression).matches()) {
            return input(key, expression, inputs);
        }
        if (expression.length() >= 2 && expression.startsWith("\"") && expression.endsWith("\"")) {
            Matcher interpolation = INTERPOLATION.matcher(expression.substring(1, expression.length() - 1));
            StringBuilder value = new StringBuilder();
            while (interpolation.find()) {
                interpolation.appendReplacement(
                        value,
                        Matcher.quoteReplacement(
                                input(key, interpolation.group(1).strip(), inputs)));
            }
            return interpolation.appendTail(value).toString();
        }
        throw new AssertionError("terraform/cluster-config sets " + key + " = " + expression
                + ", an expression this test cannot evaluate (a string or a reference)");
    }

    private static String input(String key, String reference, Map<String, String> inputs) {
        String value = inputs.get(reference);
        if (value == null) {
            throw new AssertionError("terraform/cluster-config sets " + key + " from " + reference
                    + ", which has no local value; known: " + inputs.keySet());
        }
        return value;
    }

    private static String resource(String mainTf, String configMapName) {
        Matcher header = RESOURCE.matcher(mainTf);
        while (header.find()) {
            String block = mainTf.substring(header.start(), blockEnd(mainTf, header.end() - 1));
            Matcher name = NAME.matcher(block);
            if (name.find() && name.group(1).equals(configMapName)) {
                return block;
            }
        }
        throw new AssertionError(
                "terraform/cluster-config/main.tf has no kubernetes_config_map_v1 named " + configMapName);
    }

    private static String dataBlock(String resource, String configMapName) {
        Matcher data = Pattern.compile("\\bdata\\s*=\\s*\\{").matcher(resource);
        if (!data.find()) {
            throw new AssertionError("The ConfigMap " + configMapName + " of terraform/cluster-config has no data");
        }
        return resource.substring(data.end(), blockEnd(resource, data.end() - 1) - 1);
    }

    /** Braces inside Terraform strings ("${a.b}") are balanced, so counting them finds the block's end. */
    private static int blockEnd(String source, int openBrace) {
        int depth = 0;
        for (int i = openBrace; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("A block of terraform/cluster-config/main.tf is never closed");
    }
}
