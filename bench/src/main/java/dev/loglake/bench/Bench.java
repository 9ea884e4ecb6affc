package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.stack.ComponentStatus;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code loglake bench}: generates a data set into the bench's own buckets, measures each stage of the pipeline
 * beside its peer or its hardware limit in the same run, and reports the median and spread of every figure.
 */
public final class Bench {
    static final String STAGING_AND_FACT = "staging + fact";

    private final BenchLake lake;
    private final Supplier<List<ComponentStatus>> stack;
    private final Machine machine;
    private final PrintWriter out;
    private final BenchStages stages;

    public Bench(BenchLake lake, Supplier<List<ComponentStatus>> stack, Optional<Path> trinoJavaHome, PrintWriter out) {
        this(lake, stack, trinoJavaHome, out, BenchStages.all());
    }

    /** A bench that runs only {@code stages} (the others are rows "not run"). */
    public Bench(
            BenchLake lake,
            Supplier<List<ComponentStatus>> stack,
            Optional<Path> trinoJavaHome,
            PrintWriter out,
            BenchStages stages) {
        this.lake = requireNonNull(lake, "lake is null");
        this.stack = requireNonNull(stack, "stack is null");
        this.machine = Machine.describe(trinoJavaHome);
        this.out = requireNonNull(out, "out is null");
        this.stages = requireNonNull(stages, "stages is null");
    }

    public BenchReport run() throws InterruptedException {
        BenchOptions options = lake.options();
        BenchReport report = new BenchReport();
        describeRun(report, options);
        lake.prepare();
        try {
            step(
                    1,
                    "generating the data set: %d day(s) of %,d events from %s",
                    options.generatedDays(),
                    options.eventsPerDay(),
                    options.start());
            Manifest manifest = generateDataSet(options);

            step(2, "generator: end to end into S3 beside the compression limit (%d run(s))", options.runs());
            guarded(report, "generator", () -> generatorStage(report));

            step(3, "ETL: the first day into an empty lake through Trino, and DuckDB on the same raw objects");
            List<TransformSummary> firstDays = new ArrayList<>();
            guarded(report, "ETL", () -> firstDays.addAll(new EtlStage(lake, out).run(report)));

            step(4, "retry: the first day again with Trino's fault-tolerant execution (retry-policy TASK)");
            if (!firstDays.isEmpty() || !stages.runs("retry")) {
                guarded(report, "retry", () -> new RetryStage(lake, out).run(report, firstDays));
            } else {
                report.row("retry", "skipped: the ETL stage did not load the first day", "", "", "", "");
            }

            step(5, "incremental: a lake of %d day(s) (one backfill), then one new day per run", options.lakeDays());
            boolean lakeLoaded = (!firstDays.isEmpty() || !stages.runs("incremental"))
                    && guarded(report, "incremental", () -> new IncrementalStage(lake, out).run(report, firstDays));

            step(
                    6,
                    "load: %d JDBC clients run report queries while a transform loads %s",
                    options.loadClients(),
                    options.loadStageDay());
            if (lakeLoaded || !stages.runs("load")) {
                guarded(report, "load", () -> new LoadStage(lake).run(report, manifest));
            } else {
                report.row("load", "skipped: the incremental stage did not load the lake", "", "", "", "");
            }

            step(7, "reports: the executive summary's numbers through Trino, and DuckDB from the fact Parquet files");
            if (lakeLoaded || !stages.runs("reports")) {
                guarded(report, "reports", () -> new ReportsStage(lake, out).run(report));
            } else {
                report.row("reports", "skipped: the incremental stage did not load the lake", "", "", "", "");
            }

            step(8, "formats: the first day's requests in every declared format, each into an empty lake");
            guarded(report, "formats", () -> new FormatsStage(lake, out).run(report));

            if (!options.scaleDays().isEmpty()) {
                step(9, "scale: one day of each of %s requests, each into an empty lake", options.scaleDays());
                guarded(report, "scale", () -> new ScaleStage(lake, out).run(report));
            }

            memoryAndMachine(report);
            return report;
        } finally {
            if (options.keep()) {
                out.printf(
                        "Kept the bench's buckets (%s, %s), schemas (%s*) and %s.%n",
                        options.rawBucket(),
                        options.warehouseBucket(),
                        options.name().replace('-', '_') + "_",
                        options.workDirectory());
            } else {
                cleanUp();
            }
            out.flush();
        }
    }

    /** Removes the bench's buckets, schemas and local files; a failure is a warning, never the bench's result. */
    private void cleanUp() {
        try {
            lake.cleanup();
            for (String folder : List.of("raw", "duckdb", "facts", "report")) {
                LocalFiles.deleteRecursively(lake.options().workDirectory().resolve(folder));
            }
        } catch (RuntimeException e) {
            out.println("  Could not remove everything the bench created: " + e.getMessage()
                    + ". The next bench with the same --name removes it first.");
        }
    }

    /**
     * Runs a stage; a failure is reported in the table (and fails the command at the end), not thrown. A stage left
     * out by {@code --stages} is a row saying so, and counts as not run.
     */
    private boolean guarded(BenchReport report, String stage, Stage body) {
        if (!stages.runs(stage)) {
            report.row(stage, "not run (--stages)", "", "", "", "");
            out.println("  not run (--stages)");
            return false;
        }
        try {
            body.run();
            return true;
        } catch (RuntimeException e) {
            report.failed(stage, e.getMessage());
            out.println("  " + stage + " stage FAILED: " + e.getMessage());
            out.flush();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failed(stage, "interrupted");
            return false;
        }
    }

    /** A stage of the bench. */
    private interface Stage {
        void run() throws InterruptedException;
    }

    private Manifest generateDataSet(BenchOptions options) {
        var generate = GeneratorStage.options(options.start(), options.generatedDays(), options.eventsPerDay());
        try (ProgressReporter progress = ProgressReporter.toStderr("events", GenerateRun.plannedEvents(generate))) {
            progress.start();
            var result = new GenerateRun(generate, lake.rawStore(), progress).execute();
            out.printf(
                    Locale.ROOT,
                    "  %,d lines in %.1f s%n",
                    result.linesWritten(),
                    result.elapsed().toMillis() / 1000.0);
            return result.manifest();
        }
    }

    private void generatorStage(BenchReport report) {
        GeneratorStage.Result result;
        try (ProgressReporter progress = ProgressReporter.toStderr("events", 0)) {
            result = GeneratorStage.run(lake, progress);
        }
        report.row(
                "generator",
                "end to end into S3, events/s",
                result.endToEnd().format("%,.0f"),
                result.compressionLimit().format("%,.0f"),
                result.ratio().format("%.2f"),
                ">= 0.75 of the limit");
        report.row(
                "generator",
                "generate + encode only, events/s",
                result.generateOnly().format("%,.0f"),
                "",
                "",
                "");
        report.put("generator", "events_per_run", result.eventsPerRun());
        report.put("generator", "end_to_end_events_per_s", result.endToEnd());
        report.put("generator", "compression_limit_events_per_s", result.compressionLimit());
        report.put("generator", "generate_only_events_per_s", result.generateOnly());
        report.put("generator", "ratio_end_to_end_over_limit", result.ratio());
        report.note("generator: the generator's own benchmark (generate --benchmark): "
                + GeneratorStage.DAYS_PER_RUN + " days of "
                + String.format(Locale.ROOT, "%,d", GeneratorStage.EVENTS_PER_DAY)
                + " events (after one unmeasured day), gzip level 1, one thread per core; the limit is the same lines compressed with the same codec and threads, in"
                + " memory, in the same run.");
    }

    private void memoryAndMachine(BenchReport report) {
        Map<String, Long> peaks = PeakMemory.of(stack.get());
        peaks.forEach((process, bytes) -> {
            report.row(
                    "memory",
                    "peak RSS (VmHWM), " + process,
                    bytes == 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6),
                    "",
                    "",
                    "");
            report.put("peak_memory_bytes", process, bytes);
        });
        report.put("machine", "cores", machine.cores());
        report.put("machine", "memory_bytes", machine.memoryBytes());
        report.put("machine", "bench_jdk", machine.benchJdk());
        report.put("machine", "trino_jdk", machine.trinoJdk());
        report.put("machine", "os", machine.os());
        report.note(String.format(
                Locale.ROOT,
                "machine: %d cores, %.1f GiB, %s; loglake on %s, Trino on %s.",
                machine.cores(),
                machine.memoryBytes() / (1024.0 * 1024 * 1024),
                machine.os(),
                machine.benchJdk(),
                machine.trinoJdk()));
        report.note("memory: VmHWM of each stack process and its children (PostgreSQL's backends summed, so an upper"
                + " bound), since the process started; DuckDB runs inside the bench JVM, so its memory is in the"
                + " bench JVM's figure, with the generator's.");
    }

    private static void describeRun(BenchReport report, BenchOptions options) {
        report.put("options", "start", options.start().toString());
        report.put("options", "lake_days", options.lakeDays());
        report.put("options", "events_per_day", options.eventsPerDay());
        report.put("options", "runs", options.runs());
        report.put("options", "load_clients", options.loadClients());
        report.put("options", "name", options.name());
    }

    private void step(int number, String format, Object... args) {
        int stages = lake.options().scaleDays().isEmpty() ? 8 : 9;
        out.printf(Locale.ROOT, "%nStage %d/%d: %s%n", number, stages, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    static TransformRequest days(LocalDate from, LocalDate to) {
        return TransformRequest.days(new DayRange(from, to));
    }

    static double seconds(TransformSummary summary) {
        return summary.elapsed().toMillis() / 1000.0;
    }

    static long rawLines(TransformSummary summary) {
        return summary.linesParsed() + summary.linesQuarantined();
    }
}
