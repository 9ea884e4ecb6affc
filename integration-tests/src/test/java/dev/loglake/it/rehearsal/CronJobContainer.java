package dev.loglake.it.rehearsal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.loglake.it.k8s.PodContainer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * The one container of a CronJob of k8s/jobs/, as the cluster gets it: what it runs and with what environment
 * ({@link PodContainer}), when, and within which bounds.
 *
 * @param scheduledAt the time of day its daily schedule ("M H * * *", UTC) fires
 * @param memoryLimit its memory limit in bytes, which the JVM reads from the pod's cgroup
 * @param deadline the Job's activeDeadlineSeconds: the cluster stops a run that lasts longer
 */
record CronJobContainer(
        String name, LocalTime scheduledAt, PodContainer container, long memoryLimit, Duration deadline) {
    CronJobContainer {
        requireNonNull(name, "name is null");
        requireNonNull(scheduledAt, "scheduledAt is null");
        requireNonNull(container, "container is null");
        requireNonNull(deadline, "deadline is null");
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
        JsonNode containers = PodContainer.podSpec(cronJob).path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(file + " should have exactly one container, has " + containers);
        }
        PodContainer container =
                PodContainer.of(cronJob, file, containers.get(0).path("name").asText());
        return new CronJobContainer(
                cronJob.path("metadata").path("name").asText(),
                dailyTime(spec, file),
                container,
                bytes(container.field("resources").path("limits").path("memory").asText(), file),
                Duration.ofSeconds(spec.path("jobTemplate")
                        .path("spec")
                        .path("activeDeadlineSeconds")
                        .asLong(3600)));
    }

    /** The image the container runs, after the image substitution. */
    String image() {
        return container.field("image").asText();
    }

    /** The container's workingDir, if it sets one. */
    Optional<String> workingDir() {
        return Optional.ofNullable(container.field("workingDir").textValue());
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
}
