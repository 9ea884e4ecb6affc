package dev.loglake.bench;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.RawLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Copies raw objects from the bench's raw bucket to a local folder with the same {@code dt=/hour=} layout, for
 * DuckDB, which cannot reach the S3 server (its httpfs extension cannot be downloaded here). The copy is timed
 * apart and never counted in DuckDB's time.
 */
final class RawCopy {
    private RawCopy() {}

    /** What was copied and how long it took. */
    record Result(int objects, long bytes, double seconds) {}

    static Result arrivalDays(S3ObjectStore raw, Collection<LocalDate> days, Path target) {
        long started = System.nanoTime();
        int objects = 0;
        long bytes = 0;
        for (LocalDate day : days) {
            String prefix = "access/combined/dt=" + day + "/";
            for (String key : raw.list(prefix)) {
                bytes += copy(raw, key, target.resolve(key.substring("access/combined/".length())));
                objects++;
            }
        }
        if (objects == 0) {
            throw LoglakeException.internal("No raw objects to copy for " + days, null);
        }
        return new Result(objects, bytes, (System.nanoTime() - started) / 1e9);
    }

    static Path ipBlocks(S3ObjectStore raw, Path target) {
        Path file = target.resolve("ip_blocks.csv");
        copy(raw, RawLayout.IP_BLOCKS_KEY, file);
        return file;
    }

    private static long copy(S3ObjectStore raw, String key, Path file) {
        byte[] bytes = raw.get(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw LoglakeException.external("Cannot write the local copy " + file + ": " + e.getMessage(), e);
        }
        return bytes.length;
    }

    static List<LocalDate> firstDay(BenchOptions options) {
        return List.of(options.start());
    }
}
