package dev.loglake.cli.bench;

import dev.loglake.bench.Bench;
import dev.loglake.bench.BenchLake;
import dev.loglake.bench.BenchOptions;
import dev.loglake.bench.BenchReport;
import dev.loglake.bench.BenchStages;
import dev.loglake.cli.ConfigOptions;
import dev.loglake.cli.stack.StackCommand;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.stack.ComponentStatus;
import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code loglake bench}: every stage of the pipeline measured beside its peer, in one run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the pipeline on this machine: the generator against the compression limit, the ETL against"
                    + " DuckDB on the same raw files, the cost of one new day in a lake of N days, report queries"
                    + " under a concurrent transform, the executive summary's numbers against DuckDB on the fact"
                    + " table's files, and the peak memory of each process.",
            "Uses its own buckets (<name>-raw, <name>-warehouse) and schemas (<name>_*) on the local stack (started if"
                    + " needed) and removes them at the end. Prints a table and writes bench.json."
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--start", paramLabel = "DATE", description = "First simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate start = LocalDate.of(2026, 10, 1);

    @Option(
            names = "--lake-days",
            paramLabel = "N",
            description = "Days in the lake before a new day is loaded (default: ${DEFAULT-VALUE}).")
    int lakeDays = 30;

    @Option(
            names = "--events-per-day",
            paramLabel = "N",
            description = "Simulated requests per day (default: ${DEFAULT-VALUE}).")
    long eventsPerDay = 50_000;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "Measurements of each figure; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(
            names = "--load-clients",
            paramLabel = "N",
            description = "JDBC clients of the load stage (default: ${DEFAULT-VALUE}).")
    int loadClients = 8;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Local folder for DuckDB's copies and output (default: ${DEFAULT-VALUE}).")
    Path workDirectory = Path.of("target", "bench");

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("bench.json");

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Names the bench's buckets and schemas (default: ${DEFAULT-VALUE}).")
    String name = "loglake-bench";

    @Option(
            names = "--scale",
            split = ",",
            paramLabel = "N[,N...]",
            description = "Also load one day of each size (requests a day), each into an empty lake, and print"
                    + " lines/s per size, e.g. --scale 50000,200000,2000000,10000000 (default: no scale stage).")
    List<Long> scaleDays = new ArrayList<>();

    @Option(
            names = "--stages",
            split = ",",
            paramLabel = "STAGE[,STAGE...]",
            description = "Only these stages: generator, etl, incremental, load, reports, formats, scale (default:"
                    + " all; scale only with --scale). incremental needs etl; load and reports need incremental.")
    List<String> stages = new ArrayList<>(BenchStages.ALL);

    @Option(names = "--keep", description = "Keep the bench's buckets, schemas and local files for inspection.")
    boolean keep;

    @Option(
            names = "--configured-stack",
            description = "Use the configured Trino and S3 as they are, without starting the local stack"
                    + " (peak memory of the stack is then not measured).")
    boolean configuredStack;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        BenchOptions options = new BenchOptions(
                start, lakeDays, eventsPerDay, runs, loadClients, workDirectory, name, keep, scaleDays);
        BenchStages only = BenchStages.parse(stages);
        Settings settings = config.settings();
        // Before anything runs: the bench deletes its buckets and drops its schemas at the end.
        options.requireApartFrom(
                List.of(LakeConfig.from(settings), LakeConfig.from(Settings.defaults())), BenchLake.lakeSchemaNames());
        Supplier<List<ComponentStatus>> status = List::of;
        Optional<Path> trinoJava = Optional.empty();
        if (!configuredStack) {
            LocalStack stack = new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
            out.println("The local stack in " + stack.layout().root());
            out.flush();
            LocalStack.UpResult up = stack.up();
            StackCommand.printEndpoints(out, stack, up);
            settings = settings.with(stack.connectionSettings(stack.credentials()), "local stack");
            status = stack::status;
            trinoJava = Optional.of(
                    JavaRuntimes.require(stack.config().trinoJavaHome(), 24, "Trino", StackConfig.TRINO_JAVA_HOME));
        }
        createDirectories(workDirectory);
        try (S3Client s3 = S3Clients.create(S3Config.from(settings), 16)) {
            BenchReport report = new Bench(new BenchLake(settings, options, s3), status, trinoJava, out, only).run();
            out.println();
            report.print(out);
            report.write(output);
            out.println("Figures written to " + output.toAbsolutePath());
            if (!report.failures().isEmpty()) {
                throw LoglakeException.external(
                        "%d stage(s) of the bench failed: %s", report.failures().size(), report.failures());
            }
        }
        return 0;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw LoglakeException.user("Cannot create the work folder %s: %s", directory, e.getMessage());
        }
    }
}
