package dev.loglake.generator.generate;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.LineBuffer;
import dev.loglake.generator.format.LineEncoder;
import dev.loglake.generator.generate.BenchmarkResult.Stage;
import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.TrafficModel;
import dev.loglake.generator.model.WindowTraffic;
import dev.loglake.generator.store.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code loglake generate --benchmark}: measures generating and encoding alone, the compression limit of
 * this machine for the same lines (same codec, level and thread count), and the whole run into the object
 * store, under the "benchmark/" prefix so that the lake's own data is untouched.
 */
public final class GenerateBenchmark {
    /** Enough lines for a steady measure of the compression limit, few enough to hold in memory. */
    private static final long COMPRESSION_SAMPLE_EVENTS = 600_000;

    private final GenerateOptions options;
    private final ObjectStore store;
    private final CpuClock cpu;

    public GenerateBenchmark(GenerateOptions options, ObjectStore store, CpuClock cpu) {
        this.options = withBenchmarkPrefix(options);
        this.store = store;
        this.cpu = cpu;
    }

    public BenchmarkResult run(ProgressReporter progress) {
        TrafficModel model = TrafficModel.build(options.seed(), options.eventsPerDay(), options.incidents());
        List<HourPlan> hours = RunPlan.hours(options, model.returningVisitors());
        long encodeCpu = cpu.processNanos();
        long encodeStart = System.nanoTime();
        long encodedLines = encodeAll(model, hours, progress);
        Stage encode = new Stage(encodedLines, System.nanoTime() - encodeStart, cpu.processNanos() - encodeCpu, -1);
        List<byte[]> sample = sampleLines(model, hours);
        long sampleLines = 0;
        long sampleBytes = 0;
        for (byte[] chunk : sample) {
            sampleBytes += chunk.length;
            sampleLines += countLines(chunk);
        }
        long compressCpu = cpu.processNanos();
        long compressStart = System.nanoTime();
        compressAll(sample);
        Stage compress =
                new Stage(sampleLines, System.nanoTime() - compressStart, cpu.processNanos() - compressCpu, -1);
        // The end-to-end path runs code the stages above did not (the SDK, the HTTP client, uploads, markers).
        // A first, unmeasured day lets the JIT compile it, which would otherwise be counted as the cost of
        // uploading: in a two-day run on a busy machine that was most of the generator's CPU time.
        clearMarkers();
        new GenerateRun(withDays(options, 1), store, progress).execute();
        clearMarkers();
        GenerateRun run = new GenerateRun(options, store, progress);
        long runCpu = cpu.processNanos();
        long serverCpu = cpu.serverNanos();
        GenerateResult result = run.execute();
        long serverAfter = cpu.serverNanos();
        Stage endToEnd = new Stage(
                result.linesWritten(),
                result.elapsed().toNanos(),
                cpu.processNanos() - runCpu,
                serverCpu < 0 || serverAfter < 0 ? -1 : serverAfter - serverCpu);
        return new BenchmarkResult(
                encode,
                compress,
                endToEnd,
                sampleBytes / 1e6 / (compress.wallNanos() / 1e9),
                options.threads(),
                Runtime.getRuntime().availableProcessors(),
                options.compression() + " level " + options.compressionLevel(),
                cpu.serverPid());
    }

    /** Earlier runs left completion markers; without them every hour is written again. */
    private void clearMarkers() {
        List<String> markers = store.list(options.keyPrefix() + "markers/");
        if (!markers.isEmpty()) {
            store.delete(markers);
        }
    }

    private static long countLines(byte[] chunk) {
        long lines = 0;
        for (byte b : chunk) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private long encodeAll(TrafficModel model, List<HourPlan> hours, ProgressReporter progress) {
        ThreadLocal<HourWriter> writers =
                ThreadLocal.withInitial(() -> new HourWriter(model, options, store, progress, () -> false, null));
        List<Callable<Long>> tasks = new ArrayList<>();
        for (HourPlan plan : hours) {
            tasks.add(() -> writers.get()
                    .write(plan, WriteMode.ENCODE)
                    .arrival()
                    .toStats()
                    .linesWritten());
        }
        return runAll(tasks).stream().mapToLong(Long::longValue).sum();
    }

    private List<byte[]> sampleLines(TrafficModel model, List<HourPlan> hours) {
        WindowTraffic traffic = new WindowTraffic(model);
        LineEncoder encoder = options.format().newEncoder();
        List<byte[]> chunks = new ArrayList<>();
        long events = 0;
        for (HourPlan plan : hours) {
            if (events >= COMPRESSION_SAMPLE_EVENTS) {
                break;
            }
            long from = plan.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + plan.hour() * 3_600_000L;
            int quota = (int) Math.min(plan.onTimeEvents(), options.maxEventsPerObject());
            LineBuffer buffer = new LineBuffer(quota * 260);
            for (AccessEvent event : traffic.generate(
                    plan.date(), plan.hour(), from, from + 3_600_000L, quota, plan.firstNewcomer(), plan.hour())) {
                encoder.encode(event, buffer);
            }
            chunks.add(buffer.toByteArray());
            events += quota;
        }
        return chunks;
    }

    /** Compresses every chunk, the chunks spread over the run's threads as hours are. */
    private void compressAll(List<byte[]> chunks) {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (byte[] chunk : chunks) {
            tasks.add(() -> {
                CountingStream counter = new CountingStream();
                try (OutputStream out = options.compression().wrap(counter, options.compressionLevel())) {
                    for (int offset = 0; offset < chunk.length; offset += 256 * 1024) {
                        out.write(chunk, offset, Math.min(256 * 1024, chunk.length - offset));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return counter.count;
            });
        }
        runAll(tasks);
    }

    private List<Long> runAll(List<Callable<Long>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Long> results = new ArrayList<>();
            for (Future<Long> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark task failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static GenerateOptions withBenchmarkPrefix(GenerateOptions options) {
        return copy(options, options.days(), "benchmark/", options.manifestFile());
    }

    private static GenerateOptions withDays(GenerateOptions options, int days) {
        return copy(options, days, options.keyPrefix(), Optional.empty());
    }

    private static GenerateOptions copy(
            GenerateOptions options, int days, String keyPrefix, Optional<Path> manifestFile) {
        return new GenerateOptions(
                options.start(),
                days,
                options.eventsPerDay(),
                options.seed(),
                options.format(),
                options.compression(),
                options.compressionLevel(),
                options.lateShare(),
                options.malformedShare(),
                options.incidents(),
                options.threads(),
                options.maxEventsPerObject(),
                keyPrefix,
                manifestFile);
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
