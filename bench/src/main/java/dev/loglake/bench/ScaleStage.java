package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.generate.GenerateRun;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How the whole transform scales with the size of a day: for each size asked for ({@code --scale}), one day of
 * that many requests is generated and loaded into an empty lake of its own, and its lines/s, time and
 * statements are printed beside the previous size's. A day that does not fit in Trino's memory fails here
 * with Trino's own message, which is what the stage is for.
 */
final class ScaleStage {
    private final BenchLake lake;
    private final PrintWriter out;

    ScaleStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run(BenchReport report) {
        BenchOptions options = lake.options();
        List<Long> sizes = options.scaleDays();
        double previousRate = 0;
        for (int index = 0; index < sizes.size(); index++) {
            long requests = sizes.get(index);
            LocalDate day = options.scaleDay(index);
            Manifest manifest = generate(day, requests);
            Instant started = Instant.now();
            // The arrival days the generator wrote, as its manifest says: a one-day run has no late requests (the
            // generator sends a day's late ones to the next day of the same run), so that is the day alone.
            SortedSet<LocalDate> arrivals = new TreeSet<>();
            manifest.arrivalDates().keySet().forEach(arrival -> arrivals.add(LocalDate.parse(arrival)));
            TransformSummary summary =
                    lake.transform(BenchOptions.scaleRole(index), Bench.days(arrivals.first(), arrivals.last()));
            long statements = lake.statementsSince(started);
            double rate = Bench.rawLines(summary) / Bench.seconds(summary);
            List<String> differences = ManifestCheck.differences(lake, BenchOptions.scaleRole(index), manifest);
            out.printf(
                    Locale.ROOT,
                    "  %,d requests a day: %,d raw lines in %.1f s, %,.0f lines/s, %d statements%s%n",
                    requests,
                    Bench.rawLines(summary),
                    Bench.seconds(summary),
                    rate,
                    statements,
                    differences.isEmpty() ? ", equal to the manifest" : ", DIFFERENT: " + differences);
            out.flush();
            report.row(
                    "scale",
                    String.format(Locale.ROOT, "%,d requests a day: whole transform lines/s", requests),
                    String.format(Locale.ROOT, "%,.0f", rate),
                    index == 0 ? "" : String.format(Locale.ROOT, "%,.0f", previousRate),
                    index == 0 ? "" : String.format(Locale.ROOT, "%.2f", rate / previousRate),
                    index == 0 ? "" : ">= 1.0 (previous size)");
            String key = Long.toString(requests);
            report.put("scale", key + "_lines_per_s", rate);
            report.put("scale", key + "_seconds", Bench.seconds(summary));
            report.put("scale", key + "_statements", statements);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("the day of " + requests + " requests differs from its manifest: "
                        + String.join("; ", differences));
            }
            previousRate = rate;
        }
        report.note("scale: one day of each size generated and loaded into an empty lake of its own; lines/s of the"
                + " whole transform (every mart and check), compared with the previous size (the goal: a busier day"
                + " is no slower per line).");
    }

    private Manifest generate(LocalDate day, long requests) {
        var generate = GeneratorStage.options(day, 1, requests);
        try (ProgressReporter progress = ProgressReporter.toStderr("events", GenerateRun.plannedEvents(generate))) {
            progress.start();
            return new GenerateRun(generate, lake.rawStore(), progress)
                    .execute()
                    .manifest();
        }
    }
}
