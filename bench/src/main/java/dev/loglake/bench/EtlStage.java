package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raw lines per second from raw objects to the loaded fact table. loglake: the real transform runner loads the
 * first day into an empty lake of its own, once per run; the rate counts the staging and fact jobs (their time
 * from the run ledger), and the whole run is reported beside it. DuckDB: the same raw objects, copied to local
 * disk first (not timed), parsed and written as Parquet by {@link DuckDbEtl}. The whole transform beside it: loglake's
 * whole run against DuckDB's parse and facts plus every mart ({@link DuckDbMarts}), which must equal loglake's.
 */
final class EtlStage {
    private static final List<String> STAGING_AND_FACT_JOBS =
            List.of("staging/parsed_lines.sql", "staging/quarantine.sql", "marts/fact_requests.sql");

    private final BenchLake lake;
    private final PrintWriter out;

    EtlStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** Runs both sides and reports them; returns loglake's first-day runs for the incremental stage. */
    List<TransformSummary> run(BenchReport report) {
        BenchOptions options = lake.options();
        List<TransformSummary> summaries = new ArrayList<>();
        List<Double> stagingAndFact = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            String role = BenchOptions.firstDayRole(run);
            TransformSummary summary = lake.transform(role, Bench.days(options.start(), options.start()));
            summaries.add(summary);
            double jobSeconds = stagingAndFactSeconds(lake.jobMillis(role, summary.runId()));
            stagingAndFact.add(Bench.rawLines(summary) / jobSeconds);
            whole.add(Bench.rawLines(summary) / Bench.seconds(summary));
            out.printf(
                    Locale.ROOT,
                    "  loglake run %d: %,d raw lines, staging + fact %.1f s, whole transform %.1f s%n",
                    run,
                    Bench.rawLines(summary),
                    jobSeconds,
                    Bench.seconds(summary));
            out.flush();
        }

        Path work = options.workDirectory();
        Path raw = work.resolve("raw");
        LocalFiles.deleteRecursively(raw);
        RawCopy.Result copy = RawCopy.arrivalDays(lake.rawStore(), RawCopy.firstDay(options), raw.resolve("access"));
        Path ipBlocks = RawCopy.ipBlocks(lake.rawStore(), raw);
        out.printf(
                Locale.ROOT,
                "  copied %d raw objects (%.1f MB) to %s for DuckDB in %.1f s (not counted)%n",
                copy.objects(),
                copy.bytes() / 1e6,
                raw,
                copy.seconds());
        DuckDbEtl duckdb = new DuckDbEtl(
                raw.resolve("access"),
                ipBlocks,
                Runtime.getRuntime().availableProcessors(),
                TransformConfig.from(lake.settings(BenchOptions.firstDayRole(1)))
                        .latenessDays());
        DuckDbEtl.warmUp();
        DuckDbMarts marts = DuckDbMarts.ofLake(Runtime.getRuntime().availableProcessors());
        List<Double> duckdbRates = new ArrayList<>();
        List<Double> duckdbWhole = new ArrayList<>();
        DuckDbEtl.Run last = null;
        Path output = null;
        for (int run = 1; run <= options.runs(); run++) {
            output = work.resolve("duckdb").resolve("etl-" + run);
            LocalFiles.deleteRecursively(output);
            last = duckdb.run(output);
            DuckDbMarts.Run martsRun = marts.run(output.resolve("fact"), output.resolve("marts"));
            duckdbRates.add(last.linesPerSecond());
            duckdbWhole.add(last.lines() / (last.seconds() + martsRun.seconds()));
            out.printf(
                    Locale.ROOT,
                    "  DuckDB run %d: %,d raw lines (%,d facts, %,d quarantined) in %.1f s, then %d marts in %.1f s%n",
                    run,
                    last.lines(),
                    last.factRows(),
                    last.quarantined(),
                    last.seconds(),
                    martsRun.rows().size(),
                    martsRun.seconds());
            out.flush();
        }

        Spread loglakeRate = Spread.of(stagingAndFact);
        Spread duckdbRate = Spread.of(duckdbRates);
        Spread ratio = loglakeRate.over(duckdbRate);
        TransformSummary first = summaries.get(0);
        report.row(
                "ETL",
                "raw lines/s to the fact table (" + Bench.STAGING_AND_FACT + ")",
                loglakeRate.format("%,.0f"),
                duckdbRate.format("%,.0f"),
                ratio.format("%.2f"),
                ">= 1.0 (DuckDB)");
        report.put("etl", "raw_lines", Bench.rawLines(first));
        report.put("etl", "loglake_staging_and_fact_lines_per_s", loglakeRate);
        report.put("etl", "loglake_whole_transform_lines_per_s", Spread.of(whole));
        report.put("etl", "duckdb_lines_per_s", duckdbRate);
        report.put("etl", "ratio_loglake_over_duckdb", ratio);
        report.put("etl", "duckdb_fact_rows", last.factRows());
        report.put("etl", "loglake_fact_rows", first.requestsLoaded());
        report.put("etl", "raw_copy_seconds_not_counted", copy.seconds());
        requireSameMarts(marts, output.resolve("marts"));
        Spread wholeRate = Spread.of(whole);
        Spread duckdbWholeRate = Spread.of(duckdbWhole);
        Spread wholeRatio = wholeRate.over(duckdbWholeRate);
        report.row(
                "ETL",
                "raw lines/s, whole transform (all marts, checks)",
                wholeRate.format("%,.0f"),
                duckdbWholeRate.format("%,.0f"),
                wholeRatio.format("%.2f"),
                ">= 0.25 (DuckDB, every mart)");
        report.put("etl", "duckdb_whole_transform_lines_per_s", duckdbWholeRate);
        report.put("etl", "ratio_whole_transform_loglake_over_duckdb", wholeRatio);
        report.put("etl", "duckdb_marts", marts.marts());
        report.note(String.format(
                Locale.ROOT,
                "ETL: %,d raw lines (day %s). loglake = the real transform runner into an empty lake, staging +"
                        + " fact jobs timed by the run ledger. DuckDB %s in this JVM on local copies of the same objects"
                        + " (its httpfs extension cannot be downloaded on this network; the %.1f s copy is not counted):"
                        + " the same regex and derivations, the country lookup, ZSTD Parquet partitioned by day;"
                        + " for the whole transform, every mart too (the ports in bench resources duckdb/marts/),"
                        + " equal to loglake's on each day's rows and figures. Fact rows: loglake %,d, DuckDB %,d%s.",
                Bench.rawLines(first),
                options.start(),
                duckdbVersion(),
                copy.seconds(),
                first.requestsLoaded(),
                last.factRows(),
                first.requestsLoaded() == last.factRows() ? " (equal)" : " (DIFFERENT: see README)"));
        return summaries;
    }

    /**
     * DuckDB's marts must equal loglake's (those of the first run's lake) on every day's rows and figures, or the
     * whole-transform ratio compares loglake with a peer that does less or other work: the stage fails, naming
     * each difference.
     */
    private void requireSameMarts(DuckDbMarts marts, Path duckdbMarts) {
        String role = BenchOptions.firstDayRole(1);
        List<String> differences = MartFigures.differences(
                marts.figures(lake::rows, mart -> lake.table(role, "marts", mart)), marts.figures(duckdbMarts));
        if (!differences.isEmpty()) {
            throw LoglakeException.internal(
                    "DuckDB's marts differ from loglake's, so the whole-transform ratio is not measured: "
                            + String.join("; ", differences),
                    null);
        }
        out.printf(
                Locale.ROOT,
                "  DuckDB's %d marts equal loglake's: rows and figures of every day%n",
                marts.marts().size());
    }

    static double stagingAndFactSeconds(Map<String, Long> jobMillis) {
        return STAGING_AND_FACT_JOBS.stream()
                        .mapToLong(job -> jobMillis.getOrDefault(job, 0L))
                        .sum()
                / 1000.0;
    }

    private static String duckdbVersion() {
        Package duckdb = org.duckdb.DuckDBDriver.class.getPackage();
        String version = duckdb == null ? null : duckdb.getImplementationVersion();
        return version == null ? "(org.duckdb:duckdb_jdbc)" : version;
    }
}
