package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each CronJob of k8s/jobs/ as its pod would: the image's entrypoint (the CLI), the container's exact args and
 * the environment its envFrom and env give it, at the time its schedule fires, through the CLI's argument parser
 * and configuration checks ({@link Loglake#plan}). A job that would exit with a usage error every night fails here.
 * Then every folder the run writes must be writable in the pod: on a mounted emptyDir when the root file system
 * is read-only.
 */
class TestKubernetesCronJobs {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new YAMLMapper();
    /** A Monday, so that the report's run also covers the ISO week that ended on Sunday. */
    private static final String RUN_DAY = "2026-11-09";

    @TempDir
    Path workingDirectory;

    @Test
    void everyCronJobRunsItsOwnCommandWithItsArgumentsAndEnvironment() {
        List<Path> files = cronJobFiles();
        assertThat(files)
                .extracting(file -> file.getFileName().toString())
                .contains("generate.yaml", "transform.yaml", "report.yaml");
        for (Path file : files) {
            Map<String, Object> cronJob = read(file);
            String name = String.valueOf(map(cronJob, "metadata").get("name"));
            Map<String, Object> pod =
                    map(map(map(map(map(cronJob, "spec"), "jobTemplate"), "spec"), "template"), "spec");
            Map<String, Object> container = list(pod, "containers").get(0);
            assertThat(container.get("command"))
                    .as("%s runs the image's entrypoint, the loglake CLI", name)
                    .isNull();
            List<String> args = strings(container.get("args"));

            CommandPlan plan = Loglake.plan(
                    environment(container), workingDirectory, scheduledAt(cronJob), args.toArray(String[]::new));

            assertThat(plan.summary())
                    .as("%s runs 'loglake %s'", name, String.join(" ", args))
                    .allSatisfy(line -> assertThat(line).startsWith(name.substring("loglake-".length()) + " "));
            for (Path output : plan.localOutputs()) {
                assertWritable(name, pod, container, output);
            }
        }
    }

    @Test
    void theNightlyReportWritesYesterdayAndTheWeekThatEnded() {
        Map<String, Object> cronJob = read(REPOSITORY.resolve("k8s/jobs/report.yaml"));
        Map<String, Object> pod = map(map(map(map(map(cronJob, "spec"), "jobTemplate"), "spec"), "template"), "spec");
        Map<String, Object> container = list(pod, "containers").get(0);

        CommandPlan plan = Loglake.plan(
                environment(container),
                workingDirectory,
                scheduledAt(cronJob),
                strings(container.get("args")).toArray(String[]::new));

        assertThat(plan.summary()).hasSize(2);
        assertThat(plan.summary().get(0)).startsWith("report day 2026-11-08 ");
        assertThat(plan.summary().get(1)).startsWith("report week 2026-W45 ");
    }

    /** A path the pod writes must lie on a writable volume if the container's root file system is read-only. */
    private static void assertWritable(
            String name, Map<String, Object> pod, Map<String, Object> container, Path output) {
        Path directory = Path.of(workingDir(container)).resolve(output).normalize();
        Object securityContext = container.get("securityContext");
        boolean readOnlyRoot = securityContext instanceof Map<?, ?> context
                && Boolean.TRUE.equals(context.get("readOnlyRootFilesystem"));
        if (!readOnlyRoot) {
            return;
        }
        List<String> emptyDirs = new ArrayList<>();
        for (Map<String, Object> volume : list(pod, "volumes")) {
            if (volume.containsKey("emptyDir")) {
                emptyDirs.add(String.valueOf(volume.get("name")));
            }
        }
        boolean onEmptyDir = list(container, "volumeMounts").stream()
                .filter(mount -> emptyDirs.contains(String.valueOf(mount.get("name"))))
                .filter(mount -> !Boolean.TRUE.equals(mount.get("readOnly")))
                .anyMatch(mount -> directory.startsWith(Path.of(String.valueOf(mount.get("mountPath")))));
        assertThat(onEmptyDir)
                .as(
                        "%s writes into %s, but the root file system is read-only and no emptyDir is mounted there",
                        name, directory)
                .isTrue();
    }

    /** The container's workingDir, else the WORKDIR of the CLI image (cli/docker/Dockerfile). */
    private static String workingDir(Map<String, Object> container) {
        if (container.get("workingDir") instanceof String directory) {
            return directory;
        }
        Matcher workdir = Pattern.compile("(?m)^WORKDIR\\s+(\\S+)")
                .matcher(readString(REPOSITORY.resolve("cli/docker/Dockerfile")));
        String last = null;
        while (workdir.find()) {
            last = workdir.group(1);
        }
        assertThat(last).as("WORKDIR of cli/docker/Dockerfile").isNotNull();
        return last;
    }

    /** The pod's environment: the ConfigMaps of envFrom (their k8s/config/ files), then env (secrets as placeholders). */
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container, "envFrom")) {
            String configMap = String.valueOf(map(source, "configMapRef").get("name"));
            Map<String, Object> data = map(read(REPOSITORY.resolve("k8s/config/" + configMap + ".yaml")), "data");
            data.forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Map<String, Object> variable : list(container, "env")) {
            String value = variable.get("value") instanceof String literal ? literal : "value-from-secret";
            environment.put(String.valueOf(variable.get("name")), value);
        }
        return environment;
    }

    /** The instant the daily schedule "M H * * *" fires on {@link #RUN_DAY}, as a UTC clock. */
    private static Clock scheduledAt(Map<String, Object> cronJob) {
        Map<String, Object> spec = map(cronJob, "spec");
        assertThat(spec.get("timeZone")).isEqualTo("Etc/UTC");
        String[] fields = String.valueOf(spec.get("schedule")).trim().split("\\s+");
        ZonedDateTime time = ZonedDateTime.parse(RUN_DAY + "T00:00:00Z")
                .withHour(Integer.parseInt(fields[1]))
                .withMinute(Integer.parseInt(fields[0]));
        return Clock.fixed(time.toInstant(), ZoneOffset.UTC);
    }

    private static List<Path> cronJobFiles() {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("k8s/jobs"))) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> "CronJob".equals(read(file).get("kind")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = YAML.readValue(file.toFile(), Map.class);
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> items
                ? items.stream().map(String::valueOf).toList()
                : List.of();
    }
}
