package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.manifest.ArrivalDateCounter;
import dev.loglake.generator.manifest.ArrivalDateStats;
import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.manifest.EventDateCounter;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.generator.manifest.RunArguments;
import dev.loglake.generator.model.Incident;
import dev.loglake.generator.model.IpPlan;
import dev.loglake.generator.model.TrafficModel;
import dev.loglake.generator.shop.ShopCatalog;
import dev.loglake.generator.shop.ShopDatabaseTarget;
import dev.loglake.generator.shop.ShopDayCounter;
import dev.loglake.generator.shop.ShopOrder;
import dev.loglake.generator.shop.ShopSink;
import dev.loglake.generator.shop.ShopWriter;
import dev.loglake.generator.store.ObjectStore;
import dev.loglake.generator.store.OpenUpload;
import dev.loglake.lake.RawLayout;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A generate run: plans the hours, generates them in parallel (one hour per task, each with its own seed,
 * so the output does not depend on scheduling), uploads them with retries, marks each complete, and
 * writes the manifest. A failed or cancelled run names its incomplete hours; rerunning the same command
 * completes them and skips the rest, after aborting the uploads a killed run left open in them.
 */
public final class GenerateRun {
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final GenerateOptions options;
    private final ObjectStore store;
    private final ProgressReporter progress;
    private final PrintStream messages;
    private final TrafficModel model;
    private final String fingerprint;
    private final List<HourPlan> hours;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Optional<ShopSink> shop;
    /** Null without a shop. */
    private final ShopCatalog shopCatalog;

    public GenerateRun(GenerateOptions options, ObjectStore store, ProgressReporter progress) {
        this(options, store, progress, System.err, Optional.empty());
    }

    /** A run that also writes the simulated shop's orders of its days into {@code shop}, and their ground truth. */
    public GenerateRun(GenerateOptions options, ObjectStore store, ProgressReporter progress, ShopDatabaseTarget shop) {
        this(options, store, progress, System.err, Optional.of(new ShopWriter(shop)));
    }

    GenerateRun(GenerateOptions options, ObjectStore store, ProgressReporter progress, PrintStream messages) {
        this(options, store, progress, messages, Optional.empty());
    }

    /** A run that reports what it cleaned up and its failures to {@code messages}. */
    GenerateRun(
            GenerateOptions options,
            ObjectStore store,
            ProgressReporter progress,
            PrintStream messages,
            Optional<ShopSink> shop) {
        this.options = requireNonNull(options, "options is null");
        this.store = requireNonNull(store, "store is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.model = TrafficModel.build(options.seed(), options.eventsPerDay(), options.incidents());
        this.fingerprint = RunFingerprint.of(options);
        this.hours = RunPlan.hours(options, model.returningVisitors());
        if (shop.isPresent() && !SHOP_FORMATS.contains(options.format())) {
            throw LoglakeException.user(
                    "The shop cannot be written with --format %s: its ground truth needs the user agent, the referrer"
                            + " and the query of every request. Expected one of %s.",
                    options.format(), SHOP_FORMATS);
        }
        this.shop = shop;
        this.shopCatalog = shop.isPresent() ? new ShopCatalog(model.site().products(), options.seed()) : null;
    }

    /** The formats whose lines keep all the shop's channel rule and sessions read, with the source's site. */
    static final Set<OutputFormat> SHOP_FORMATS =
            Set.of(OutputFormat.COMBINED, OutputFormat.COMBINED_REQUEST_TIME, OutputFormat.PARQUET);

    /** The valid events a run of these options writes, for a progress bar before the run is built. */
    public static long plannedEvents(GenerateOptions options) {
        return RunPlan.totalEvents(RunPlan.hours(options, 0));
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Asks the workers to stop after their current object; uploads in flight are aborted. */
    public void cancel() {
        cancelled.set(true);
    }

    public GenerateResult execute() {
        long startNanos = System.nanoTime();
        shop.ifPresent(ShopSink::check);
        store.put(options.keyPrefix() + RawLayout.IP_BLOCKS_KEY, referenceTable());
        CompletionMarkers markers =
                new CompletionMarkers(store, options.keyPrefix(), options.format(), options.site(), fingerprint);
        Set<String> completed = markers.completedHours();
        abortUploadsLeftOpen(completed);
        List<HourResult> results = runHours(markers, completed);
        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            if (results.get(i) == null) {
                incomplete.add(hours.get(i).label());
            }
        }
        if (!incomplete.isEmpty()) {
            throw LoglakeException.external(
                    "%d of %d hours are incomplete%s: %s. Rerun the same command to complete them; hours already"
                            + " written are skipped.",
                    incomplete.size(), hours.size(), cancelled.get() ? " (cancelled)" : "", summarize(incomplete));
        }
        Map<LocalDate, ShopDayCounter> shopDays = shopDays(results);
        shop.ifPresent(writer -> writer.replaceDays(options.site(), options.start(), orders(shopDays)));
        Manifest manifest = manifest(results, shopDays);
        String manifestKey = GeneratedKeys.manifestKey(options, fingerprint);
        store.put(manifestKey, ManifestJson.toJson(manifest));
        options.manifestFile().ifPresent(file -> ManifestJson.write(manifest, file));
        int skipped = (int) hours.stream()
                .filter(plan -> completed.contains(CompletionMarkers.hourId(plan.date(), plan.hour())))
                .count();
        return new GenerateResult(
                manifest,
                manifestKey,
                hours.size() - skipped,
                skipped,
                manifest.arrivalDates().values().stream()
                        .mapToLong(ArrivalDateStats::linesWritten)
                        .sum(),
                results.stream().mapToLong(HourResult::storedBytes).sum(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * Aborts the multipart uploads an earlier run left open in the hours this run writes. A run killed in the middle
     * of an upload (SIGKILL, the OOM killer, a lost node) cannot abort it: its parts stay stored, invisible and
     * billed, until an abort (or the bucket's lifecycle rule, days later). An upload of a generated object in an
     * hour this run is about to write is the earlier run's attempt at this run's work; anything else (other hours,
     * other writers' names) is left alone. Two runs writing the same hours at once are not supported anyway.
     */
    private void abortUploadsLeftOpen(Set<String> completed) {
        Set<String> hoursToWrite = new HashSet<>();
        for (HourPlan plan : hours) {
            if (!completed.contains(CompletionMarkers.hourId(plan.date(), plan.hour()))) {
                hoursToWrite.add(hourPrefix(plan));
            }
        }
        List<OpenUpload> leftOpen =
                store
                        .openUploads(RawLayout.formatPrefix(
                                options.keyPrefix(), options.format().folder()))
                        .stream()
                        .filter(upload -> isGeneratedObjectIn(upload.key(), hoursToWrite))
                        .toList();
        if (leftOpen.isEmpty()) {
            return;
        }
        leftOpen.forEach(store::abort);
        messages.printf(
                "%nAborted %d multipart upload%s an earlier run left open in %s (it stopped in the middle of an upload;"
                        + " the parts it had stored are deleted): %s%n",
                leftOpen.size(),
                leftOpen.size() == 1 ? "" : "s",
                store.describe(),
                summarize(leftOpen.stream().map(OpenUpload::key).toList()));
    }

    private String hourPrefix(HourPlan plan) {
        return RawLayout.hourPrefix(
                options.keyPrefix(), options.format().folder(), options.site(), plan.date(), plan.hour());
    }

    private static boolean isGeneratedObjectIn(String key, Set<String> hourPrefixes) {
        int slash = key.lastIndexOf('/');
        return hourPrefixes.contains(key.substring(0, slash + 1))
                && key.startsWith(GeneratedKeys.GENERATED_NAME_PREFIX, slash + 1);
    }

    /** Results in plan order; null for an hour that did not complete. */
    private List<HourResult> runHours(CompletionMarkers markers, Set<String> completed) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "generate");
            thread.setDaemon(true);
            return thread;
        });
        ThreadLocal<HourWriter> writers = ThreadLocal.withInitial(() ->
                new HourWriter(model, options, store, progress, () -> cancelled.get() || failed.get(), shopCatalog));
        List<Future<HourResult>> futures = new ArrayList<>();
        for (HourPlan plan : hours) {
            boolean done = completed.contains(CompletionMarkers.hourId(plan.date(), plan.hour()));
            futures.add(pool.submit(() -> runHour(writers.get(), plan, done, markers)));
        }
        pool.shutdown();
        List<HourResult> results = new ArrayList<>();
        for (Future<HourResult> future : futures) {
            results.add(await(future));
        }
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private HourResult runHour(HourWriter writer, HourPlan plan, boolean alreadyDone, CompletionMarkers markers) {
        if (alreadyDone) {
            return writer.write(plan, WriteMode.COUNT);
        }
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            if (cancelled.get() || failed.get()) {
                return null;
            }
            try {
                HourResult result = writer.write(plan, WriteMode.UPLOAD);
                markers.complete(plan, result.keys());
                return result;
            } catch (RunCancelledException e) {
                return null;
            } catch (LoglakeException e) {
                if (attempt >= ATTEMPTS) {
                    failed.set(true);
                    messages.printf(
                            "%nerror: %s failed after %d attempts: %s%n", plan.label(), attempt, e.getMessage());
                    return null;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static HourResult await(Future<HourResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw LoglakeException.internal("A generator worker failed", e.getCause());
        }
    }

    private static Map<LocalDate, ShopDayCounter> shopDays(List<HourResult> results) {
        Map<LocalDate, ShopDayCounter> days = new TreeMap<>();
        for (HourResult result : results) {
            result.shopDates()
                    .forEach((date, counter) -> days.merge(date, counter, (merged, more) -> {
                        merged.addAll(more);
                        return merged;
                    }));
        }
        return days;
    }

    private static Map<LocalDate, List<ShopOrder>> orders(Map<LocalDate, ShopDayCounter> days) {
        Map<LocalDate, List<ShopOrder>> orders = new TreeMap<>();
        days.forEach((date, counter) -> orders.put(date, counter.orders()));
        return orders;
    }

    private Manifest manifest(List<HourResult> results, Map<LocalDate, ShopDayCounter> shopDays) {
        Map<LocalDate, EventDateCounter> eventDates = new TreeMap<>();
        Map<LocalDate, ArrivalDateCounter> arrivalDates = new TreeMap<>();
        for (HourResult result : results) {
            result.eventDates().forEach((date, counter) -> eventDates
                    .computeIfAbsent(
                            date,
                            key -> new EventDateCounter(
                                    model.site().paths(), options.format().keepsUserAgent()))
                    .addAll(counter));
            arrivalDates
                    .computeIfAbsent(result.plan().date(), key -> new ArrivalDateCounter())
                    .addAll(result.arrival());
        }
        Map<String, EventDateStats> eventStats = new TreeMap<>();
        eventDates.forEach((date, counter) -> eventStats.put(date.toString(), counter.toStats()));
        Map<String, ArrivalDateStats> arrivalStats = new TreeMap<>();
        arrivalDates.forEach((date, counter) -> arrivalStats.put(date.toString(), counter.toStats()));
        Map<String, List<ChannelDayStats>> shopStats = new TreeMap<>();
        shopDays.forEach((date, counter) -> shopStats.put(date.toString(), counter.toStats()));
        return new Manifest(Manifest.FORMAT_VERSION, arguments(), eventStats, arrivalStats, shopStats);
    }

    private RunArguments arguments() {
        return new RunArguments(
                options.start().toString(),
                options.days(),
                options.eventsPerDay(),
                options.seed(),
                options.format().folder(),
                options.compression().toString(),
                options.compressionLevel(),
                options.lateShare(),
                options.malformedShare(),
                options.incidents().stream().map(Incident::describe).toList(),
                fingerprint,
                options.site());
    }

    private static byte[] referenceTable() {
        return (String.join("\n", IpPlan.referenceLines()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String summarize(List<String> labels) {
        if (labels.size() <= 12) {
            return String.join(", ", labels);
        }
        return String.join(", ", labels.subList(0, 12)) + " and " + (labels.size() - 12) + " more";
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
        }
    }
}
