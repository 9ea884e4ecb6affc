package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.LogRecord;
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
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The parse rate of every declared format on the same requests: the first day's raw objects are written again in
 * each format (every line the combined parser reads, rendered by {@link FormatRenderer}; the generator's malformed
 * lines as they are, so each format quarantines the same lines), each on a day of its own, and loaded into an empty
 * lake of its own. The rate counts the staging and fact jobs, as the ETL stage does; combined, rewritten the same
 * way, is the peer. The goal: each format within 1.5x of combined, a ratio of at least 0.67.
 */
final class FormatsStage {
    private static final String HOST = "shop.example.com";

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
        IngestFormat[] formats = IngestFormat.values();
        for (int index = 0; index < formats.length; index++) {
            IngestFormat format = formats[index];
            LocalDate day = options.formatDay(index);
            long lines = rewrite(raw, options.start(), format, day);
            String role = BenchOptions.formatRole(index);
            TransformSummary summary = lake.transform(role, Bench.days(day, day));
            double seconds = EtlStage.stagingAndFactSeconds(lake.jobMillis(role, summary.runId()));
            double rate = Bench.rawLines(summary) / seconds;
            if (format == IngestFormat.COMBINED) {
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
            boolean peer = format == IngestFormat.COMBINED;
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
        report.note("formats: the first day's requests written again in every declared format (FormatRenderer), each"
                + " loaded into an empty lake of its own; staging + fact lines/s beside combined's, rewritten the same"
                + " way (goal: within 1.5x).");
    }

    /**
     * Writes every object of the combined arrival day {@code from} again in {@code format}, its requests moved to
     * {@code day}; returns the lines written.
     */
    private static long rewrite(S3ObjectStore raw, LocalDate from, IngestFormat format, LocalDate day) {
        FormatRenderer renderer = new FormatRenderer(HOST);
        String source = RawLayout.ACCESS_PREFIX + RawLayout.COMBINED_FOLDER + "/dt=" + from + "/";
        long shift = ChronoUnit.DAYS.between(from, day) * 86_400L;
        long lines = 0;
        for (String key : raw.list(source)) {
            if (!key.endsWith(".gz")) {
                continue;
            }
            String hourAndName = key.substring(source.length());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                            new GZIPInputStream(new ByteArrayInputStream(raw.get(key))), StandardCharsets.UTF_8));
                    Writer writer = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
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
