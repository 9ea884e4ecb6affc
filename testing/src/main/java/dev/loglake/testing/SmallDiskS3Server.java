package dev.loglake.testing;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.component.S3ServerComponent;
import dev.loglake.stack.process.Daemons;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's S3 server moved onto a small disk, for tests of a full disk: the server is restarted in a mount
 * namespace of its own ({@code unshare -m}) where its data directory is a tmpfs of a fixed size holding a
 * copy of its data. Nothing outside that process sees the tmpfs. {@link #resize} frees space (a tmpfs can
 * grow in place); {@link #close} stops it and starts the stack's own server again on the real directory, so
 * what was written on the small disk is gone afterwards.
 */
public final class SmallDiskS3Server implements AutoCloseable {
    private final TestStack stack;
    private final Path dataDirectory;
    private final Path mountPoint;
    private final ProcessHandle server;

    private SmallDiskS3Server(TestStack stack, Path dataDirectory, Path mountPoint, ProcessHandle server) {
        this.stack = stack;
        this.dataDirectory = dataDirectory;
        this.mountPoint = mountPoint;
        this.server = server;
    }

    /** Why this machine cannot run it (no mount namespaces for this user), or empty if it can. */
    public static Optional<String> unsupportedReason() {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "--propagation", "private", "true")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return probe.waitFor() == 0
                    ? Optional.empty()
                    : Optional.of("'unshare -m' (a private mount namespace for a tmpfs) is not allowed here: "
                            + output.strip());
        } catch (IOException e) {
            return Optional.of("'unshare' cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Restarts the S3 server on a tmpfs with {@code freeBytes} free beyond the data it already holds. */
    public static SmallDiskS3Server start(TestStack stack, long freeBytes) {
        requireNonNull(stack, "stack is null");
        Path data = stack.stack().layout().s3Data();
        ProcessHandle running = stack.stack().status().stream()
                .filter(status -> status.name().equals(S3ServerComponent.NAME))
                .findFirst()
                .flatMap(status ->
                        status.pid().isPresent() ? ProcessHandle.of(status.pid().getAsLong()) : Optional.empty())
                .orElseThrow(() -> new IllegalStateException("The S3 server is not running"));
        List<String> serverCommand = new ArrayList<>();
        serverCommand.add(running.info().command().orElseThrow());
        serverCommand.addAll(List.of(running.info().arguments().orElseThrow()));
        stack.stop(S3ServerComponent.NAME);
        Path mountPoint = data.resolveSibling("s3-small-disk");
        try {
            Files.createDirectories(mountPoint);
            // Room to copy the data in (a tmpfs takes less than a disk's blocks), then shrunk to the data it
            // holds plus freeBytes, and laid over the data directory: the server's configuration stays as is.
            long roomToCopy = 2 * allocatedBytes(data) + freeBytes;
            String script = "set -e; mount -t tmpfs -o size=" + roomToCopy + " loglake-small-disk \"$1\";"
                    + " cp -a \"$2\"/. \"$1\"/; used=$(df --output=used -B1 \"$1\" | tail -n 1);"
                    + " mount -o remount,size=$((used + " + freeBytes + ")) \"$1\"; mount --bind \"$1\" \"$2\";"
                    + " shift 2; exec \"$@\"";
            List<String> command = new ArrayList<>(List.of(
                    "unshare",
                    "-m",
                    "--propagation",
                    "private",
                    "sh",
                    "-c",
                    script,
                    "sh",
                    mountPoint.toString(),
                    data.toString()));
            command.addAll(serverCommand);
            Process process = new ProcessBuilder(command)
                    .directory(data.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stack.stack()
                            .layout()
                            .logs()
                            .resolve("s3proxy-small-disk.log")
                            .toFile()))
                    .redirectErrorStream(true)
                    .start();
            SmallDiskS3Server small = new SmallDiskS3Server(stack, data, mountPoint, process.toHandle());
            small.awaitHealthy();
            return small;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grows (or shrinks) the disk to hold {@code freeBytes} more than it holds now: space freed. */
    public void resize(long freeBytes) {
        long size = allocatedBytes(mountPoint, server.pid()) + freeBytes;
        Daemons.run(
                List.of(
                        "nsenter",
                        "-t",
                        Long.toString(server.pid()),
                        "-m",
                        "mount",
                        "-o",
                        "remount,size=" + size,
                        mountPoint.toString()),
                dataDirectory,
                Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        Daemons.stop(server, Duration.ofSeconds(20));
        stack.restartStopped();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!answers()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The S3 server on the small disk did not start; see "
                        + stack.stack().layout().logs().resolve("s3proxy-small-disk.log"));
            }
        }
    }

    private boolean answers() {
        try (var s3 = stack.newS3Client()) {
            s3.listBuckets();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long allocatedBytes(Path directory) {
        String du = Daemons.run(
                List.of("du", "-s", "--block-size=1", directory.toString()), directory, Duration.ofMinutes(1));
        return Long.parseLong(du.strip().split("\\s+")[0]);
    }

    /** The same, seen from inside the server's mount namespace. */
    private static long allocatedBytes(Path directory, long pid) {
        String df = Daemons.run(
                List.of(
                        "nsenter",
                        "-t",
                        Long.toString(pid),
                        "-m",
                        "df",
                        "--output=used",
                        "--block-size=1",
                        directory.toString()),
                directory.getParent(),
                Duration.ofSeconds(30));
        List<String> lines = df.strip().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).strip());
    }
}
