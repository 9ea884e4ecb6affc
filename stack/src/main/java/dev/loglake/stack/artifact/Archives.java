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

    /**
     * Unpacks only {@code members} (files or folders) of the archive, with the files their hard links point to:
     * Trino's tarball stores a jar that several plugins share once, and the other plugins' copies as hard links to
     * it (the PostgreSQL plugin's to the Iceberg plugin's, say). tar can only make a link when it unpacks its target
     * too; the unpacked link keeps the file when the target's folder is deleted afterwards.
     */
    static void untarMembers(Path archive, List<String> members, Path target, int stripComponents) throws IOException {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(members);
        for (String line :
                run(List.of("tar", "-tvf", archive.toString()), archive).split("\n")) {
            java.util.regex.Matcher link = HARD_LINK.matcher(line);
            if (link.matches() && within(link.group(1), members) && !within(link.group(2), members)) {
                // A target inside a requested folder comes with it; named again, tar reports it "not found".
                wanted.add(link.group(2));
            }
        }
        untar(archive, target, stripComponents, List.copyOf(wanted));
    }

    private static boolean within(String name, List<String> members) {
        return members.stream().anyMatch(member -> name.startsWith(member + "/"));
    }

    /** A hard link in {@code tar -tv}'s listing: "hrw-r--r-- owner/group 0 date time NAME link to TARGET". */
    private static final java.util.regex.Pattern HARD_LINK =
            java.util.regex.Pattern.compile("^h\\S+\\s+\\S+\\s+\\d+\\s+\\S+\\s+\\S+\\s+(.+) link to (.+)$");

    private static void untar(Path archive, Path target, int stripComponents, List<String> members) throws IOException {
        Files.createDirectories(target);
        List<String> command = new java.util.ArrayList<>(List.of(
                "tar", "-xf", archive.toString(), "-C", target.toString(), "--strip-components=" + stripComponents));
        command.addAll(members);
        run(command, archive);
    }

    /** Runs a tar command on the archive and returns its output (standard output and errors together). */
    private static String run(List<String> command, Path archive) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("corrupt or unreadable archive " + archive + ": " + output.strip());
            }
            return output;
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
