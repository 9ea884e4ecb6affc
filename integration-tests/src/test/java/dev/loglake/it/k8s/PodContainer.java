package dev.loglake.it.k8s;

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
 * One container of a Kubernetes Job's or CronJob's pod, read from its manifest, turned into a local command: its
 * command and args (or the image's entrypoint and the args) and its environment, with the values of the ConfigMaps
 * and Secrets it names supplied by the test, and the container's paths (volume mounts, files of the image) replaced
 * by local ones. What the container runs is what the manifest says; only where things are differs.
 */
public final class PodContainer {
    private final String where;
    private final JsonNode container;
    private final JsonNode pod;

    private PodContainer(String where, JsonNode container, JsonNode pod) {
        this.where = requireNonNull(where, "where is null");
        this.container = requireNonNull(container, "container is null");
        this.pod = requireNonNull(pod, "pod is null");
    }

    /** The container {@code name} of the Job or CronJob in the file {@code manifest}. */
    public static PodContainer read(Path manifest, String name) {
        try {
            return of(
                    new YAMLMapper().readTree(manifest.toFile()),
                    manifest.getFileName().toString(),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + manifest, e);
        }
    }

    /** The container {@code name} of a Job or CronJob already read; {@code file} names it in messages. */
    public static PodContainer of(JsonNode manifest, String file, String name) {
        JsonNode pod = podSpec(manifest);
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                if (name.equals(container.path("name").asText())) {
                    return new PodContainer(file + " container " + name, container, pod);
                }
            }
        }
        throw new IllegalArgumentException("No container named " + name + " in the pod of " + file);
    }

    /** The pod template's spec: a CronJob's is one level deeper, in its jobTemplate. */
    public static JsonNode podSpec(JsonNode manifest) {
        JsonNode job = "CronJob".equals(manifest.path("kind").asText())
                ? manifest.path("spec").path("jobTemplate")
                : manifest;
        return job.path("spec").path("template").path("spec");
    }

    /** Whether the container replaces the image's entrypoint with a command of its own. */
    public boolean hasCommand() {
        return container.has("command");
    }

    /** The container's own field {@code field} (workingDir, resources, ...). */
    public JsonNode field(String field) {
        return container.path(field);
    }

    /** Where the container mounts each of its volumes, by volume name. */
    public Map<String, String> mountPaths() {
        Map<String, String> mounts = new LinkedHashMap<>();
        container
                .path("volumeMounts")
                .forEach(mount -> mounts.put(
                        mount.path("name").asText(), mount.path("mountPath").asText()));
        return Map.copyOf(mounts);
    }

    /** The pod's definition of one volume (emptyDir, configMap, ...). */
    public JsonNode volume(String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new IllegalArgumentException(where + ": the pod has no volume " + name);
    }

    /** The command the container runs: its command and args, or, without a command, the image's entrypoint and the args. */
    public List<String> command(List<String> imageEntrypoint, Map<String, Path> paths) {
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
    public Map<String, String> environment(
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
