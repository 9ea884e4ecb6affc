package dev.loglake.deploy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository under test; the root comes from the build (loglake.repository.root). */
final class RepositoryFiles {
    private RepositoryFiles() {}

    static Path root() {
        String root = requireNonNull(
                System.getProperty("loglake.repository.root"),
                "system property loglake.repository.root is not set (run the tests through Maven)");
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("Cannot find " + relative + " under " + root());
        }
        return path;
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    /** Regular files below a directory of the repository whose names end with one of the suffixes, sorted. */
    static List<Path> find(String directory, String... suffixes) {
        try (Stream<Path> files = Files.walk(path(directory))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes)
                            .anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
                    .filter(file -> !file.toString().contains("/.terraform/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    static String relative(Path path) {
        return root().relativize(path).toString();
    }
}
