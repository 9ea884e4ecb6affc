package dev.loglake.it.database;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One container of a Kubernetes Job's pod, read from its manifest, turned into a local command: its command and
 * args (or the image's entrypoint and the args) and its environment, with the values of the ConfigMaps and Secrets
 * it names supplied by the test, and the container's paths (volume mounts, files of the image) replaced by local
 * ones. What the container runs is what the manifest says; only where things are differs.
 */
final class PodContainer {
    private final String where;
    private final JsonNode container;
    private final JsonNode pod;

    private PodContainer(String where, JsonNode container, JsonNode pod) {
        this.where = requireNonNull(where, "where is null");
        this.container = requireNonNull(container, "container is null");
        this.pod = requireNonNull(pod, "pod is null");
    }

    static PodContainer read(Path manifest, String name) {
        JsonNode pod;
        try {
            pod = new YAMLMapper()
                    .readTree(manifest.toFile())
                    .path("spec")
                    .path("template")
                    .path("spec");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + manifest, e);
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                if (name.equals(container.path("name").asText())) {
                    return new PodContainer(manifest.getFileName() + " container " + name, container, pod);
                }
            }
        }
        throw new IllegalArgumentException("No container named " + name + " in the pod of " + manifest);
    }

    /** Where the container mounts each of its volumes, by volume name. */
    Map<String, String> mountPaths() {
        Map<String, String> mounts = new LinkedHashMap<>();
        container
                .path("volumeMounts")
                .forEach(mount -> mounts.put(
                        mount.path("name").asText(), mount.path("mountPath").asText()));
        return Map.copyOf(mounts);
    }

    /** The pod's definition of one volume (emptyDir, configMap, ...). */
    JsonNode volume(String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new IllegalArgumentException(where + ": the pod has no volume " + name);
    }

    String serviceAccount() {
        return pod.path("serviceAccountName").asText();
    }

    /** The command the container runs: its command and args, or, without a command, the image's entrypoint and the args. */
    List<String> command(List<String> imageEntrypoint, Map<String, Path> paths) {
        List<String> command = new ArrayList<>();
        if (container.has("command")) {
            container.path("command").forEach(part -> command.add(part.asText()));
        } else {
            command.addAll(imageEntrypoint);
        }
        container.path("args").forEach(part -> command.add(part.asText()));
        return command.stream().map(part -> local(part, paths)).toList();
    }

    /**
     * The container's environment: the image's, then envFrom, then env, as Kubernetes layers them. Every ConfigMap
     * and Secret key the manifest names must be in {@code configMaps} and {@code secrets}.
     */
    Map<String, String> environment(
            Map<String, String> image,
            Map<String, Map<String, String>> configMaps,
            Map<String, Map<String, String>> secrets,
            Map<String, Path> paths) {
        Map<String, String> environment = new LinkedHashMap<>(image);
        for (JsonNode source : container.path("envFrom")) {
            environment.putAll(lookup(
                    configMaps,
                    "ConfigMap",
                    source.path("configMapRef").path("name").asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), value(variable, configMaps, secrets));
        }
        environment.replaceAll((name, value) -> local(value, paths));
        return environment;
    }

    private String value(
            JsonNode variable, Map<String, Map<String, String>> configMaps, Map<String, Map<String, String>> secrets) {
        if (variable.has("value")) {
            return variable.path("value").asText();
        }
        JsonNode from = variable.path("valueFrom");
        boolean fromSecret = from.has("secretKeyRef");
        JsonNode reference = fromSecret ? from.path("secretKeyRef") : from.path("configMapKeyRef");
        String key = reference.path("key").asText();
        Map<String, String> values = fromSecret
                ? lookup(secrets, "Secret", reference.path("name").asText())
                : lookup(configMaps, "ConfigMap", reference.path("name").asText());
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    where + ": " + variable.path("name").asText() + " reads key " + key + " of "
                            + reference.path("name").asText() + ", which the test does not supply");
        }
        return value;
    }

    private Map<String, String> lookup(Map<String, Map<String, String>> objects, String kind, String name) {
        Map<String, String> values = objects.get(name);
        if (values == null) {
            throw new IllegalArgumentException(
                    where + " reads " + kind + " " + name + ", which the test does not supply");
        }
        return values;
    }

    /**
     * Replaces each container path by its local path, in one pass (a local path may contain a container path, such
     * as /tmp), and only whole paths: not inside a longer path or a name.
     */
    private static String local(String value, Map<String, Path> paths) {
        if (paths.isEmpty()) {
            return value;
        }
        String alternatives = paths.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        Matcher matcher = Pattern.compile("(?<![\\w./-])(" + alternatives + ")(?![\\w.-])")
                .matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    result, Matcher.quoteReplacement(paths.get(matcher.group(1)).toString()));
        }
        return matcher.appendTail(result).toString();
    }
}
