package dev.loglake.generator.generate;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.LineBuffer;
import dev.loglake.generator.format.LineEncoder;
import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.TrafficModel;
import dev.loglake.generator.model.WindowTraffic;
import dev.loglake.generator.store.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    public GenerateBenchmark(GenerateOptions options, ObjectStore store) {
        this.options = withBenchmarkPrefix(options);
        this.store = store;
    }

    public BenchmarkResult run(ProgressReporter progress) {
        TrafficModel model = TrafficModel.build(options.seed(), options.eventsPerDay(), options.incidents());
        List<HourPlan> hours = RunPlan.hours(options, model.returningVisitors());
        double encodeRate = measureEncoding(model, hours, progress);
        List<byte[]> sample = sampleLines(model, hours);
        long sampleLines = 0;
        long sampleBytes = 0;
        for (byte[] chunk : sample) {
            sampleBytes += chunk.length;
            for (byte b : chunk) {
                sampleLines += b == '\n' ? 1 : 0;
            }
        }
        double compressSeconds = measureCompression(sample);
        // Earlier benchmark runs left completion markers; without them every hour is written again.
        List<String> markers = store.list(options.keyPrefix() + "markers/");
        if (!markers.isEmpty()) {
            store.delete(markers);
        }
        GenerateRun run = new GenerateRun(options, store, progress);
        GenerateResult result = run.execute();
        double endToEnd = result.linesWritten() / (result.elapsed().toNanos() / 1e9);
        return new BenchmarkResult(
                encodeRate,
                sampleLines / compressSeconds,
                endToEnd,
                sampleBytes / 1e6 / compressSeconds,
                options.threads());
    }

    private double measureEncoding(TrafficModel model, List<HourPlan> hours, ProgressReporter progress) {
        ThreadLocal<HourWriter> writers =
                ThreadLocal.withInitial(() -> new HourWriter(model, options, store, progress, () -> false));
        List<Callable<Long>> tasks = new ArrayList<>();
        for (HourPlan plan : hours) {
            tasks.add(() -> writers.get()
                    .write(plan, WriteMode.ENCODE)
                    .arrival()
                    .toStats()
                    .linesWritten());
        }
        long start = System.nanoTime();
        long lines = runAll(tasks).stream().mapToLong(Long::longValue).sum();
        return lines / ((System.nanoTime() - start) / 1e9);
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

    /** Seconds to compress every chunk, the chunks spread over the run's threads as hours are. */
    private double measureCompression(List<byte[]> chunks) {
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
        long start = System.nanoTime();
        runAll(tasks);
        return (System.nanoTime() - start) / 1e9;
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
        return new GenerateOptions(
                options.start(),
                options.days(),
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
                "benchmark/",
                options.manifestFile());
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
