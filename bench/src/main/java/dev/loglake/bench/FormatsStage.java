package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.format.AccessLogSchema;
import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.LogRecord;
import dev.loglake.generator.format.ParquetEncoder;
import dev.loglake.generator.ingest.FormatRenderer;
import dev.loglake.generator.ingest.IngestFormat;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.RawLayout;
import dev.loglake.transforms.run.TransformSummary;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.generic.GenericRecord;

/**
 * The parse rate of every declared format on the same requests: the first day's raw objects are written again in
 * each format (every line the combined parser reads, rendered by {@link FormatRenderer}; the generator's malformed
 * lines as they are, so each format quarantines the same lines), each on a day of its own, and loaded into an empty
 * lake of its own. The rate counts the staging and fact jobs, as the ETL stage does; combined, rewritten the same
 * way, is the peer. The goal: each format within 1.5x of combined, a ratio of at least 0.67.
 */
final class FormatsStage {
    private static final String HOST = "shop.example.com";
    /** The generator's own Parquet raw logs (generate --format parquet): a format of the lake, not of ingest. */
    private static final String PARQUET = "parquet";

    private final BenchLake lake;
    private final PrintWriter out;

    FormatsStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run(BenchReport report) {
        BenchOptions options = lake.options();
        S3ObjectStore raw = lake.rawStore();
        double combinedRate = 0;
        long combinedRequests = -1;
        List<String> formats = formats();
        for (int index = 0; index < formats.size(); index++) {
            String format = formats.get(index);
            LocalDate day = options.formatDay(index);
            long lines = format.equals(PARQUET)
                    ? rewriteAsParquet(raw, options.start(), day)
                    : rewrite(raw, options.start(), IngestFormat.parse(format), day);
            String role = BenchOptions.formatRole(index);
            TransformSummary summary = lake.transform(role, Bench.days(day, day));
            double seconds = EtlStage.stagingAndFactSeconds(lake.jobMillis(role, summary.runId()));
            double rate = Bench.rawLines(summary) / seconds;
            if (format.equals(RawLayout.COMBINED_FOLDER)) {
                combinedRate = rate;
                combinedRequests = summary.requestsLoaded();
            } else if (combinedRequests >= 0 && summary.requestsLoaded() != combinedRequests) {
                // The same requests in another format: a different count is a parse that loses or invents lines.
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "%s loaded %,d requests, combined %,d: the same requests must load in every format",
                        format,
                        summary.requestsLoaded(),
                        combinedRequests));
            }
            out.printf(
                    Locale.ROOT,
                    "  %s: %,d lines written, %,d raw lines loaded (%,d requests, %,d quarantined), staging + fact"
                            + " %.1f s, %,.0f lines/s%n",
                    format,
                    lines,
                    Bench.rawLines(summary),
                    summary.requestsLoaded(),
                    summary.linesQuarantined(),
                    seconds,
                    rate);
            out.flush();
            boolean peer = format.equals(RawLayout.COMBINED_FOLDER);
            report.row(
                    "formats",
                    format + ": raw lines/s to the fact table (" + Bench.STAGING_AND_FACT + ")",
                    String.format(Locale.ROOT, "%,.0f", rate),
                    peer ? "" : String.format(Locale.ROOT, "%,.0f", combinedRate),
                    peer || combinedRate == 0 ? "" : String.format(Locale.ROOT, "%.2f", rate / combinedRate),
                    peer ? "(the peer)" : ">= 0.67 (combined)");
            report.put("formats", format + "_lines_per_s", rate);
            report.put("formats", format + "_requests_loaded", summary.requestsLoaded());
        }
        report.note("formats: the first day's requests written again in every declared format (FormatRenderer; parquet"
                + " with the generator's ParquetEncoder, its requests only: Parquet holds no malformed line), each loaded into an empty lake of its own; staging + fact lines/s beside combined's, rewritten the same"
                + " way (goal: within 1.5x).");
    }

    /** The formats measured: every text format ingest knows, then the generator's Parquet. */
    static List<String> formats() {
        List<String> formats = new ArrayList<>();
        Arrays.stream(IngestFormat.values()).map(IngestFormat::folder).forEach(formats::add);
        formats.add(PARQUET);
        return List.copyOf(formats);
    }

    /**
     * Writes the requests of every object of the combined arrival day {@code from} again as one Parquet object each,
     * moved to {@code day}, as {@code generate --format parquet} writes them; returns the records written.
     */
    private static long rewriteAsParquet(S3ObjectStore raw, LocalDate from, LocalDate day) {
        ParquetEncoder encoder = new ParquetEncoder(Compression.ZSTD);
        String source = combinedDay(from);
        long shift = ChronoUnit.DAYS.between(from, day) * 86_400L;
        long records = 0;
        for (String key : raw.list(source)) {
            if (!key.endsWith(".gz")) {
                continue;
            }
            List<GenericRecord> requests = new ArrayList<>();
            for (String line : lines(raw, key)) {
                CombinedLineParser.parse(line)
                        .map(request -> AccessLogSchema.toRecord(shifted(request, shift)))
                        .ifPresent(requests::add);
            }
            String hourAndName = key.substring(source.length());
            String name = hourAndName.substring(0, hourAndName.indexOf('.')) + ".parquet";
            raw.put(RawLayout.ACCESS_PREFIX + PARQUET + "/dt=" + day + "/" + name, encoder.encodeRecords(requests));
            records += requests.size();
        }
        return records;
    }

    private static String combinedDay(LocalDate day) {
        return RawLayout.ACCESS_PREFIX + RawLayout.COMBINED_FOLDER + "/dt=" + day + "/";
    }

    private static List<String> lines(S3ObjectStore raw, String key) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(raw.get(key))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
        return lines;
    }

    /**
     * Writes every object of the combined arrival day {@code from} again in {@code format}, its requests moved to
     * {@code day}; returns the lines written.
     */
    private static long rewrite(S3ObjectStore raw, LocalDate from, IngestFormat format, LocalDate day) {
        FormatRenderer renderer = new FormatRenderer(HOST);
        String source = combinedDay(from);
        long shift = ChronoUnit.DAYS.between(from, day) * 86_400L;
        long lines = 0;
        for (String key : raw.list(source)) {
            if (!key.endsWith(".gz")) {
                continue;
            }
            String hourAndName = key.substring(source.length());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
                for (String line : lines(raw, key)) {
                    Optional<LogRecord> request = CombinedLineParser.parse(line);
                    writer.write(request.map(r -> renderer.render(format, shifted(r, shift)))
                            .orElse(line));
                    writer.write('\n');
                    lines++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot rewrite " + key + " as " + format, e);
            }
            String target = RawLayout.ACCESS_PREFIX + format.folder() + "/dt=" + day + "/" + hourAndName;
            raw.put(target, bytes.toByteArray());
        }
        return lines;
    }

    private static LogRecord shifted(LogRecord request, long seconds) {
        return new LogRecord(
                request.clientIp(),
                request.epochSecond() + seconds,
                request.method(),
                request.target(),
                request.protocol(),
                request.status(),
                request.bytes(),
                request.referer(),
                request.userAgent(),
                request.responseMicros());
    }
}
