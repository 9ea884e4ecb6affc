package dev.loglake.cli.generate;

import dev.loglake.cli.CommandPlan;
import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.GenerateConfig;
import dev.loglake.core.config.GenerateVolumeConfig;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.BenchmarkResult;
import dev.loglake.generator.generate.CpuClock;
import dev.loglake.generator.generate.GenerateBenchmark;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.generator.generate.GenerateResult;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.generate.IncidentParser;
import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.model.Incident;
import dev.loglake.generator.shop.ShopDatabaseTarget;
import dev.loglake.generator.store.S3Access;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.RawLayout;
import dev.loglake.stack.LocalS3Server;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code loglake generate}: simulated access logs into the raw bucket, with a ground-truth manifest. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate a busy web shop's access logs and write them to the raw bucket under"
                    + " access/<format>/dt=YYYY-MM-DD/hour=HH/, with a ground-truth manifest under manifests/.",
            "The same arguments always write the same bytes; a rerun completes what an interrupted run left"
                    + " and skips finished hours."
        })
public final class GenerateCommand implements Callable<Integer>, CommandPlan.Plannable {
    @Mixin
    ConfigOptions config;

    @Option(
            names = "--start",
            paramLabel = "DATE",
            description = "First day (UTC), e.g. 2026-11-01. Default: today (UTC), the day a scheduled run writes.")
    LocalDate start;

    @Option(names = "--days", paramLabel = "N", description = "Number of days (default: 1, or up to --end).")
    Integer days;

    @Option(names = "--end", paramLabel = "DATE", description = "Last day (UTC), included; instead of --days.")
    LocalDate end;

    @Option(
            names = "--events-per-day",
            paramLabel = "N",
            description = "Average valid events per day over a week (default: generate.events-per-day, 1000000).")
    Long eventsPerDay;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "combined",
            description = "A declared log format (combined, common, combined_request_time, vhost_combined, alb,"
                    + " cloudfront, nginx_json) or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--compression",
            paramLabel = "CODEC",
            defaultValue = "gzip",
            description = "gzip, zstd or none (default: ${DEFAULT-VALUE}); Parquet uses it for its pages.")
    String compression;

    @Option(names = "--compression-level", paramLabel = "N", description = "Codec level (default: 1, the fastest).")
    Integer compressionLevel;

    @Option(
            names = "--late-share",
            paramLabel = "FRACTION",
            defaultValue = "0.002",
            description = "Share of events that arrive one or two days late (default: ${DEFAULT-VALUE}; 0 for none).")
    double lateShare;

    @Option(
            names = "--malformed-share",
            paramLabel = "FRACTION",
            defaultValue = "0.0005",
            description = "Share of malformed lines in text formats (default: ${DEFAULT-VALUE}; 0 for none).")
    double malformedShare;

    @Option(
            names = "--incident",
            paramLabel = IncidentParser.SYNTAX,
            description = "An error burst or latency spike, repeatable, e.g. " + IncidentParser.EXAMPLE
                    + ". Default: one of each (see generator/README.md).")
    List<String> incidents = new ArrayList<>();

    @Option(names = "--no-incidents", description = "Simulate no incidents at all.")
    boolean noIncidents;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per CPU).")
    Integer threads;

    @Option(
            names = "--max-events-per-object",
            paramLabel = "N",
            description = "Split busier hours into several objects (default: 500000).")
    Long maxEventsPerObject;

    @Option(names = "--manifest-file", paramLabel = "FILE", description = "Also write the manifest to this local file.")
    Path manifestFile;

    @Option(
            names = "--site",
            paramLabel = "NAME",
            description = "The site the logs are of, written under access/<format>/site=NAME/ (default: the site"
                    + " 'default', no site folder). Generate each site of a lake with its own --seed.")
    String site;

    @Option(
            names = "--shop",
            description = "Also write the simulated shop's orders of these days (customers, orders, order_items) into"
                    + " the local stack's database shop, as its role shop; a rerun of a day replaces its orders."
                    + " The manifest gains the shop's ground truth.")
    boolean shop;

    @Option(
            names = "--shop-jdbc-url",
            paramLabel = "URL",
            description = "Write the shop into this PostgreSQL database instead (jdbc:postgresql://HOST:PORT/DB),"
                    + " with --shop-user and --shop-password-env.")
    String shopJdbcUrl;

    @Option(names = "--shop-user", paramLabel = "USER", description = "The role that writes the shop's tables.")
    String shopUser;

    @Option(
            names = "--shop-password-env",
            paramLabel = "VAR",
            description = "The environment variable holding --shop-user's password (never a flag: it would show in"
                    + " the process list).")
    String shopPasswordEnv;

    @Option(
            names = "--benchmark",
            description = "Measure generation, this machine's compression limit and the end-to-end"
                    + " rate (writes under benchmark/ in the raw bucket) and print them.")
    boolean benchmark;

    @Override
    public Integer call() {
        Settings settings = config.settings();
        GenerateOptions options = options(Clock.systemUTC(), settings);
        String bucket = LakeConfig.from(settings).rawBucket();
        int partSize = GenerateConfig.from(settings).partSizeBytes();
        try (S3Client s3 = S3Clients.create(S3Config.from(settings), options.threads() * 2 + 2)) {
            S3Access.checkBucket(s3, bucket, LakeConfig.RAW_BUCKET, settings);
            S3ObjectStore store = new S3ObjectStore(s3, bucket, S3Access.describeEndpoint(settings), partSize);
            return benchmark ? runBenchmark(options, store, settings) : runGenerate(options, store, bucket);
        }
    }

    private int runGenerate(GenerateOptions options, S3ObjectStore store, String bucket) {
        ProgressReporter progress = ProgressReporter.toStderr("events", GenerateRun.plannedEvents(options));
        Optional<ShopDatabaseTarget> shopTarget =
                ShopTargets.resolve(shop, shopJdbcUrl, shopUser, shopPasswordEnv, System.getenv(), config.settings());
        GenerateRun run = shopTarget
                .map(target -> new GenerateRun(options, store, progress, target))
                .orElseGet(() -> new GenerateRun(options, store, progress));
        try (CancelOnInterrupt interrupt = CancelOnInterrupt.install(run::cancel)) {
            progress.start();
            GenerateResult result;
            try {
                result = run.execute();
            } catch (LoglakeException e) {
                progress.close();
                interrupt.haltIfInterrupted(System.err, "error: " + e.getMessage(), CancelOnInterrupt.RUNTIME_FAILURE);
                throw e;
            } finally {
                progress.close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "Wrote %d hours (%d already complete, skipped): %,d lines, %.1f MB in %.1f s.%n",
                    result.hoursWritten(),
                    result.hoursSkipped(),
                    result.linesWritten(),
                    result.storedBytes() / 1e6,
                    result.elapsed().toMillis() / 1000.0);
            shopTarget.ifPresent(target -> System.out.printf(
                    "Shop: %,d orders of %d day(s) written to %s%n",
                    result.manifest().shop().values().stream()
                            .flatMap(List::stream)
                            .mapToLong(ChannelDayStats::orders)
                            .sum(),
                    result.manifest().shop().size(),
                    target));
            System.out.printf("Manifest: s3://%s/%s%n", bucket, result.manifestKey());
            options.manifestFile().ifPresent(file -> System.out.println("Manifest copy: " + file));
            // Interrupted after the last hour was stored: the run is complete, say so with success.
            interrupt.haltIfInterrupted(System.out, "Interrupted after the run had completed.", 0);
            return 0;
        }
    }

    private int runBenchmark(GenerateOptions options, S3ObjectStore store, Settings settings) {
        CpuClock cpu = new CpuClock(LocalS3Server.process(settings));
        try (ProgressReporter progress = ProgressReporter.toStderr("events", 0)) {
            BenchmarkResult result = new GenerateBenchmark(options, store, cpu).run(progress);
            System.out.print(result.report());
        }
        return 0;
    }

    @Override
    public CommandPlan plan(Clock clock) {
        Settings settings = config.settings();
        GenerateOptions options = options(clock, settings);
        String bucket = LakeConfig.from(settings).rawBucket();
        S3Config.from(settings);
        GenerateConfig.from(settings);
        return new CommandPlan(
                List.of(String.format(
                        Locale.ROOT,
                        "generate %d day(s) of %d events a day from %s (%s, %s) into s3://%s/",
                        options.days(),
                        options.eventsPerDay(),
                        options.start(),
                        format,
                        compression,
                        bucket)),
                options.manifestFile()
                        .map(file -> List.of(file.getParent() != null ? file.getParent() : Path.of(".")))
                        .orElse(List.of()));
    }

    /**
     * The run's options; without --start, the run writes from today (UTC) on {@code clock}, and without
     * --events-per-day it writes the configured volume (generate.events-per-day).
     */
    GenerateOptions options(Clock clock, Settings settings) {
        LocalDate start = this.start != null ? this.start : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int dayCount = end != null ? GenerateOptions.daysBetween(start, end) : days != null ? days : 1;
        if (end != null && days != null && days != dayCount) {
            throw LoglakeException.user(
                    "--days %d and --end %s disagree (%d days from --start). Give one of them.", days, end, dayCount);
        }
        Compression codec = Compression.parse(compression);
        List<Incident> parsed = noIncidents
                ? List.of()
                : incidents.isEmpty()
                        ? GenerateOptions.defaultIncidents(start, dayCount)
                        : incidents.stream().map(IncidentParser::parse).toList();
        return new GenerateOptions(
                start,
                dayCount,
                eventsPerDay != null
                        ? eventsPerDay
                        : GenerateVolumeConfig.from(settings).eventsPerDay(),
                seed,
                OutputFormat.parse(format),
                codec,
                compressionLevel != null ? compressionLevel : codec.defaultLevel(),
                lateShare,
                malformedShare,
                parsed,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                maxEventsPerObject != null ? maxEventsPerObject : GenerateOptions.DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.ofNullable(manifestFile),
                site != null ? site : RawLayout.DEFAULT_SITE);
    }
}
