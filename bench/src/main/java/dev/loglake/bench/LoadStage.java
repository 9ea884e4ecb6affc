package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.transforms.run.TransformSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Report queries under load: the configured number of JDBC clients query the marts in a loop while the
 * transform loads a new day into the same lake. No query may fail, and afterwards the lake must equal the
 * generator's manifest; the figure is the queries' median and p95 latency under that load.
 */
final class LoadStage {
    private final BenchLake lake;

    LoadStage(BenchLake lake) {
        this.lake = requireNonNull(lake, "lake is null");
    }

    void run(BenchReport report, Manifest manifest) throws InterruptedException {
        BenchOptions options = lake.options();
        LocalDate day = options.loadStageDay();
        String ledger = lake.table(BenchOptions.SHARED_ROLE, "ledger", "x").replaceFirst("\\.x$", "");
        ReportLoad load = new ReportLoad(
                lake.trino(),
                ReportQueries.completeDays(ledger),
                ReportQueries.forWeek(lake.schemas(BenchOptions.SHARED_ROLE), day.minusDays(1)),
                options.loadClients());
        ReportLoad.Result<TransformSummary> result =
                load.during(() -> lake.transform(BenchOptions.SHARED_ROLE, Bench.days(day, day)));
        List<String> differences = ManifestCheck.differences(lake, BenchOptions.SHARED_ROLE, manifest);

        String latency = String.format(Locale.ROOT, "%.0f / %.0f", result.percentile(0.5), result.percentile(0.95));
        report.row(
                "load",
                options.loadClients() + " clients, query latency p50 / p95 ms",
                latency,
                "",
                "",
                "no failures, exact");
        report.row(
                "load",
                "queries run / failed during the transform",
                result.latenciesMillis().size() + " / " + result.failures().size(),
                "",
                "",
                "");
        report.row(
                "load",
                "transform of " + day + " under that load, s",
                String.format(Locale.ROOT, "%.1f", result.workSeconds()),
                "",
                "",
                "");
        report.row(
                "load",
                "lake equals the generator's manifest",
                differences.isEmpty() ? "yes (" + manifest.eventDates().size() + " event days)" : "NO",
                "",
                "",
                "");
        report.put("load", "clients", options.loadClients());
        report.put("load", "queries", result.latenciesMillis().size());
        report.put("load", "failures", result.failures());
        report.put("load", "latency_p50_ms", result.percentile(0.5));
        report.put("load", "latency_p95_ms", result.percentile(0.95));
        report.put("load", "transform_seconds", result.workSeconds());
        report.put("load", "manifest_differences", differences);
        report.note("load: the queries of a week's executive summary (sql/reports: headline figures of the week and"
                + " the week before, traffic by day and hour, status codes, top pages and referrers, audience; complete"
                + " days only), round-robin on "
                + options.loadClients() + " connections; the first query of each client is a warm-up, not counted.");
        if (!result.failures().isEmpty() || !differences.isEmpty()) {
            throw LoglakeException.external(
                    "The load stage failed: %d query failure(s) %s; %d difference(s) from the manifest %s",
                    result.failures().size(),
                    result.failures().stream().limit(3).toList(),
                    differences.size(),
                    differences.stream().limit(3).toList());
        }
    }
}
