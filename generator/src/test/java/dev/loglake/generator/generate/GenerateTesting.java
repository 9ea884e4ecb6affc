package dev.loglake.generator.generate;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Options and helpers shared by the generator's tests. */
final class GenerateTesting {
    private GenerateTesting() {}

    static GenerateOptions options(
            LocalDate start, int days, long eventsPerDay, OutputFormat format, double late, double malformed) {
        return new GenerateOptions(
                start,
                days,
                eventsPerDay,
                42,
                format,
                Compression.GZIP,
                1,
                late,
                malformed,
                GenerateOptions.defaultIncidents(start, days),
                2,
                GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.empty());
    }

    static ProgressReporter silentProgress() {
        return new ProgressReporter(
                "events", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
    }

    static List<String> dataKeys(dev.loglake.generator.store.TestingObjectStore store) {
        return store.list("access/");
    }
}
