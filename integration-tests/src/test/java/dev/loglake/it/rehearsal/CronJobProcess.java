package dev.loglake.it.rehearsal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A CronJob's container as a process on this machine, built from the files alone: the CLI image's ENTRYPOINT
 * (cli/docker/Dockerfile) with the container's args, in its workingDir (else the image's WORKDIR), with the
 * environment the pod gets: the image's ENV, then envFrom's ConfigMaps, then env (values and Secrets). Change
 * any of these in the files and this process changes. {@link Local} holds what differs on this machine.
 */
final class CronJobProcess {
    /**
     * What this machine puts in place of the cluster's.
     *
     * @param repository the repository root: the image's files are its build outputs (the image's /src)
     * @param configMaps the ConfigMaps by name, as terraform/cluster-config builds them (see {@link ClusterConfigMap})
     * @param secrets the Secrets' values: by Secret name, by key
     * @param substitutions variables set on top of the pod's, each for a reason the test names
     * @param javaOptions JVM options added to the image's JAVA_TOOL_OPTIONS, each for a reason the test names
     * @param scratch where the container's folders (its working directory, its home) are made, one per CronJob
     */
    record Local(
            Path repository,
            Map<String, Map<String, String>> configMaps,
            Map<String, Map<String, String>> secrets,
            Map<String, String> substitutions,
            List<String> javaOptions,
            Path scratch) {
        Local {
            requireNonNull(repository, "repository is null");
            configMaps = Map.copyOf(configMaps);
            secrets = Map.copyOf(secrets);
            substitutions = Map.copyOf(substitutions);
            javaOptions = List.copyOf(javaOptions);
            requireNonNull(scratch, "scratch is null");
        }
    }

    /** A finished run: exit code, output, and the local folders that stood for the container's. */
    record Run(String name, int exitCode, String stdout, String stderr, Path workingDirectory, Path imageWorkdir) {}

    private CronJobProcess() {}

    /** Runs the container's process to its end; the Job's activeDeadlineSeconds bounds it as in the cluster. */
    static Run run(CliImage image, CronJobContainer container, Local local) throws IOException, InterruptedException {
        if (container.container().hasCommand()) {
            throw new AssertionError(container.name() + " overrides the image's entrypoint with "
                    + container.container().field("command")
                    + "; this test runs the image's entrypoint, the loglake CLI");
        }
        Path root = local.scratch().resolve(container.name());
        Path workingDirectory = localPath(root, container.workingDir().orElse(image.workdir()));
        Path imageWorkdir = localPath(root, image.workdir());
        List<String> command = container.container().command(entrypoint(image, local.repository()), Map.of());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(root.resolve("stdout").toFile())
                .redirectError(root.resolve("stderr").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(image, container, local, localPath(root, image.home())));
        Process process = builder.start();
        if (!process.waitFor(container.deadline().toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(container.name() + " ran longer than its Job's activeDeadlineSeconds ("
                    + container.deadline() + "); stderr: " + read(root.resolve("stderr")));
        }
        return new Run(
                container.name(),
                process.exitValue(),
                read(root.resolve("stdout")),
                read(root.resolve("stderr")),
                workingDirectory,
                imageWorkdir);
    }

    /** ENTRYPOINT ["java", "-jar", "/opt/loglake/loglake.jar"]: this JVM's java (checked: the image's version). */
    private static List<String> entrypoint(CliImage image, Path repository) {
        if (Runtime.version().feature() != image.javaMajor()) {
            throw new AssertionError("The CLI image runs Java " + image.javaMajor() + " but this test runs on Java "
                    + Runtime.version().feature() + "; run it on the image's version");
        }
        List<String> command = new ArrayList<>();
        for (String word : image.entrypoint()) {
            if (word.equals("java")) {
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else if (word.startsWith("/")) {
                Path built = repository.resolve(image.buildFileAt(word));
                if (!Files.isRegularFile(built)) {
                    throw new AssertionError(
                            "The image's " + word + " is the build's " + built + ", which is missing: build first");
                }
                command.add(built.toString());
            } else {
                command.add(word);
            }
        }
        return command;
    }

    private static Map<String, String> environment(CliImage image, CronJobContainer container, Local local, Path home) {
        // The image's ENV, then envFrom's ConfigMaps, then env, as Kubernetes layers them.
        Map<String, String> environment = new LinkedHashMap<>(
                container.container().environment(image.environment(), local.configMaps(), local.secrets(), Map.of()));
        environment.putAll(local.substitutions());
        List<String> javaOptions = new ArrayList<>(List.of(environment.getOrDefault("JAVA_TOOL_OPTIONS", "")));
        // In the pod the JVM sizes its heap from the cgroup's memory limit; here it sees the whole machine.
        javaOptions.add("-XX:MaxRAM=" + container.memoryLimit());
        javaOptions.addAll(local.javaOptions());
        environment.put("JAVA_TOOL_OPTIONS", String.join(" ", javaOptions).strip());
        environment.put("HOME", home.toString());
        environment.put("PATH", "/usr/bin:/bin");
        return environment;
    }

    /** A fresh local folder standing for the container's absolute path {@code containerPath}. */
    private static Path localPath(Path root, String containerPath) throws IOException {
        return Files.createDirectories(root.resolve("container").resolve(containerPath.substring(1)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
