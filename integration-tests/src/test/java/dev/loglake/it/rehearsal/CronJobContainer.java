package dev.loglake.it.rehearsal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one container of a CronJob of k8s/jobs/, as the cluster gets it: what it runs and with what environment.
 *
 * @param scheduledAt the time of day its daily schedule ("M H * * *", UTC) fires
 * @param configMaps the ConfigMaps its envFrom loads, in order
 * @param literalEnv its env entries with a value
 * @param secretEnv its env entries from a Secret: variable to "secret/key"
 * @param memoryLimit its memory limit in bytes, which the JVM reads from the pod's cgroup
 * @param deadline the Job's activeDeadlineSeconds: the cluster stops a run that lasts longer
 */
record CronJobContainer(
        String name,
        LocalTime scheduledAt,
        String image,
        Optional<List<String>> command,
        List<String> args,
        Optional<String> workingDir,
        List<String> configMaps,
        Map<String, String> literalEnv,
        Map<String, String> secretEnv,
        long memoryLimit,
        Duration deadline) {
    CronJobContainer {
        requireNonNull(name, "name is null");
        args = List.copyOf(args);
        configMaps = List.copyOf(configMaps);
        literalEnv = Map.copyOf(literalEnv);
        secretEnv = Map.copyOf(secretEnv);
    }

    /** Reads a CronJob's YAML (after the image substitution); fails naming the file for anything unexpected. */
    static CronJobContainer parse(String yaml, String file) {
        JsonNode cronJob;
        try {
            cronJob = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new AssertionError(file + " is not YAML: " + e.getMessage(), e);
        }
        JsonNode spec = cronJob.path("spec");
        JsonNode pod = spec.path("jobTemplate").path("spec").path("template").path("spec");
        if (pod.path("containers").size() != 1) {
            throw new AssertionError(file + " should have exactly one container, has " + pod.path("containers"));
        }
        JsonNode container = pod.path("containers").get(0);
        Map<String, String> literal = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            if (variable.has("value")) {
                literal.put(
                        variable.path("name").asText(), variable.path("value").asText());
            } else if (!secret.isMissingNode()) {
                secrets.put(
                        variable.path("name").asText(),
                        secret.path("name").asText() + "/" + secret.path("key").asText());
            } else {
                throw new AssertionError(file + ": env " + variable + " is neither a value nor a secretKeyRef");
            }
        }
        List<String> configMaps = new ArrayList<>();
        for (JsonNode source : container.path("envFrom")) {
            configMaps.add(source.path("configMapRef").path("name").asText());
        }
        return new CronJobContainer(
                cronJob.path("metadata").path("name").asText(),
                dailyTime(spec, file),
                container.path("image").asText(),
                container.has("command") ? Optional.of(strings(container.path("command"))) : Optional.empty(),
                strings(container.path("args")),
                Optional.ofNullable(container.path("workingDir").textValue()),
                configMaps,
                literal,
                secrets,
                bytes(container.path("resources").path("limits").path("memory").asText(), file),
                Duration.ofSeconds(spec.path("jobTemplate")
                        .path("spec")
                        .path("activeDeadlineSeconds")
                        .asLong(3600)));
    }

    private static LocalTime dailyTime(JsonNode spec, String file) {
        String[] fields = spec.path("schedule").asText().trim().split("\\s+");
        if (!"Etc/UTC".equals(spec.path("timeZone").asText())
                || fields.length != 5
                || !"* * *".equals(fields[2] + " " + fields[3] + " " + fields[4])) {
            throw new AssertionError(file + ": expected a daily schedule 'M H * * *' in Etc/UTC, got '"
                    + spec.path("schedule").asText() + "' in "
                    + spec.path("timeZone").asText());
        }
        return LocalTime.of(Integer.parseInt(fields[1]), Integer.parseInt(fields[0]));
    }

    /** A Kubernetes memory quantity such as 1Gi or 512Mi, in bytes. */
    static long bytes(String quantity, String file) {
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);
        for (Map.Entry<String, Long> unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey())) {
                return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * unit.getValue();
            }
        }
        throw new AssertionError(file + ": expected a memory limit such as 1Gi or 512Mi, got '" + quantity + "'");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
