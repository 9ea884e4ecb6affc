package dev.loglake.bench;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the bench's local copies and outputs. */
final class LocalFiles {
    private LocalFiles() {}

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw LoglakeException.external("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
