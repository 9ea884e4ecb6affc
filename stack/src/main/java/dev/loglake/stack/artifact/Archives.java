package dev.loglake.stack.artifact;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacking of the archive formats the stack's artifacts come in. */
final class Archives {
    private Archives() {}

    static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive " + zip + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path);
                }
            }
        }
    }

    /**
     * Unpacks a tar archive (gzip or xz, by the tar tool's own detection), which keeps file modes and
     * symlinks that Java's zip classes would lose.
     */
    static void untar(Path archive, Path target, int stripComponents) throws IOException {
        untar(archive, target, stripComponents, List.of());
    }

    /** Unpacks only {@code members} (files or folders) of the archive. */
    static void untarMembers(Path archive, List<String> members, Path target, int stripComponents) throws IOException {
        untar(archive, target, stripComponents, members);
    }

    private static void untar(Path archive, Path target, int stripComponents, List<String> members) throws IOException {
        Files.createDirectories(target);
        List<String> command = new java.util.ArrayList<>(List.of(
                "tar", "-xf", archive.toString(), "-C", target.toString(), "--strip-components=" + stripComponents));
        command.addAll(members);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("corrupt or unreadable archive " + archive + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking " + archive, e);
        }
    }

    static Path single(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> LoglakeException.external("No %s file found in %s", suffix, folder));
        }
    }
}
