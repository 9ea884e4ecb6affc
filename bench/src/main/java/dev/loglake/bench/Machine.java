package dev.loglake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The machine a bench ran on: cores, memory, and the JDKs of loglake and of Trino. */
record Machine(int cores, long memoryBytes, String benchJdk, String trinoJdk, String os) {
    static Machine describe(Optional<Path> trinoJavaHome) {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                PeakMemory.statusField(Path.of("/proc/meminfo"), "MemTotal:"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                trinoJavaHome.map(Machine::jdkOf).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    /** JAVA_VERSION and IMPLEMENTOR from a JDK's release file. */
    private static String jdkOf(Path home) {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return home.toString();
        }
        return (release.getProperty("IMPLEMENTOR", "").replace("\"", "") + " "
                        + release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", ""))
                                .replace("\"", ""))
                .trim();
    }
}
