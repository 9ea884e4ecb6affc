package dev.loglake.stack;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Finds a JDK of a required version: Trino 476 needs Java 24 or newer, Hadoop is safest on 17. */
public final class JavaRuntimes {
    private static final List<Path> SEARCH_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"));

    private JavaRuntimes() {}

    /** The configured JDK if given (checked), else the newest JDK found with at least {@code minimumMajor}. */
    public static Path require(Optional<Path> configured, int minimumMajor, String purpose, String key) {
        if (configured.isPresent()) {
            Path home = configured.get();
            OptionalInt major = majorVersion(home);
            if (major.isEmpty() || major.getAsInt() < minimumMajor) {
                throw LoglakeException.user(
                        "%s needs Java %d or newer, but %s (%s) is %s. Point %s at a JDK %d+ (for example Temurin 25).",
                        purpose,
                        minimumMajor,
                        key,
                        home,
                        major.isEmpty() ? "not a JDK" : "Java " + major.getAsInt(),
                        key,
                        minimumMajor);
            }
            return home;
        }
        return candidates().stream()
                .filter(home -> majorVersion(home).orElse(0) >= minimumMajor)
                .max(Comparator.comparingInt(home -> majorVersion(home).orElse(0)))
                .orElseThrow(() -> LoglakeException.user(
                        "%s needs Java %d or newer, and none was found in %s. Install one (for example Temurin 25) "
                                + "and, if it is elsewhere, set %s to its folder.",
                        purpose, minimumMajor, SEARCH_ROOTS, key));
    }

    /** The JDK running loglake itself. */
    public static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    public static Path javaBinary(Path home) {
        return home.resolve("bin").resolve("java");
    }

    static OptionalInt majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(javaBinary(home))) {
            return OptionalInt.empty();
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    return OptionalInt.of(Integer.parseInt(major.split("[.+-]")[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static List<Path> candidates() {
        return SEARCH_ROOTS.stream()
                .filter(Files::isDirectory)
                .flatMap(JavaRuntimes::children)
                .toList();
    }

    private static Stream<Path> children(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
