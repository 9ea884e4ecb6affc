package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportRunner;
import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.PeriodFigures;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.period.PeriodWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #7's reports figure: the time the executive summary takes to read its numbers through Trino (the
 * {@link ReportRunner}'s queries over the daily marts, for a week and the week before it), beside DuckDB
 * computing the same numbers directly from the fact table's Parquet files, and the ratio DuckDB / loglake (goal
 * at least 2.0). Both read the bench's "lake"; DuckDB reads local copies of the fact files, copied first and not
 * timed. The two must agree on every headline figure, percentiles included, or the stage fails.
 */
final class ReportsStage {
    private static final String ROLE = BenchOptions.SHARED_ROLE;

    private final BenchLake lake;
    private final PrintWriter out;

    ReportsStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run(BenchReport report) {
        BenchOptions options = lake.options();
        PeriodWindow window = window(options.start(), options.start().plusDays(options.lakeDays() - 1L));
        PeriodWindow previous = window.previous();
        ReportRequest request = new ReportRequest(
                window.last(), window.period(), options.workDirectory().resolve("report"));
        ReportRunner runner =
                new ReportRunner(lake.trino(), lake.s3(), LakeSchemas.of(lake.trinoCatalog(), lake.lake(ROLE)));
        Path facts = options.workDirectory().resolve("facts");
        double copySeconds = copyFacts(previous.first(), window.last(), facts);
        DuckDbReports duckdb = new DuckDbReports(facts, Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "  %s %s and the one before; fact files copied in %.1f s%n",
                window.period().id(),
                window.key(),
                copySeconds);

        // One unmeasured run each: the first query of a JVM or a table pays for loading classes and metadata.
        ReportModel model = runner.model(request);
        requireSameFigures(model, duckdb.run(previous.first(), window.first(), window.last()));
        List<Double> loglakeSeconds = new ArrayList<>();
        List<Double> duckdbSeconds = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            loglakeSeconds.add(seconds(() -> runner.model(request)));
            duckdbSeconds.add(seconds(() -> duckdb.run(previous.first(), window.first(), window.last())));
        }
        Spread loglake = Spread.of(loglakeSeconds);
        Spread peer = Spread.of(duckdbSeconds);
        Spread ratio = peer.over(loglake);
        report.row(
                "reports",
                "executive summary numbers of a " + window.period().id() + ", s",
                loglake.format("%.2f"),
                peer.format("%.2f"),
                ratio.format("%.2f"),
                ">= 2.0 (DuckDB / loglake)");
        report.put("reports", "period", window.period().id() + " " + window.key());
        report.put("reports", "loglake_seconds", loglake);
        report.put("reports", "duckdb_seconds", peer);
        report.put("reports", "ratio_duckdb_over_loglake", ratio);
        report.put("reports", "fact_copy_seconds", copySeconds);
        report.note("reports: loglake = ReportRunner reading every number of the summary (headline of the period and"
                + " the one before, status mix, traffic by day and hour, top pages and referrers, audience mix)"
                + " through Trino from the daily marts (none reads fact_requests); DuckDB = the same numbers from local"
                + " copies of fact_requests' Parquet files (sessions built from the requests, percentiles from the"
                + " requests' response times), in this JVM; both agreed on every figure of the headline, percentiles"
                + " included, this period and the one before. Ratio > 1 means loglake is faster.");
    }

    /**
     * The latest ISO week that lies, with the week before it, inside the lake's days; a day when the lake is too
     * short for two weeks.
     */
    static PeriodWindow window(LocalDate firstDay, LocalDate lastDay) {
        PeriodWindow week = PeriodWindow.containing(Period.WEEK, lastDay);
        while (!week.previous().first().isBefore(firstDay)) {
            if (!week.last().isAfter(lastDay)) {
                return week;
            }
            week = week.previous();
        }
        return PeriodWindow.containing(Period.DAY, lastDay);
    }

    /**
     * Every KPI must be equal to the last digit, percentiles included: both sides read the nearest rank of the same
     * response-time buckets, so there is no approximation to forgive.
     */
    private static void requireSameFigures(ReportModel model, Map<String, PeriodFigures> duckdb) {
        PeriodFigures current = duckdb.get("current");
        if (current == null) {
            throw LoglakeException.internal("DuckDB found no requests in the report's period", null);
        }
        Map<String, Kpi> expected = new HashMap<>();
        PeriodFigures.kpis(current, Optional.ofNullable(duckdb.get("previous")))
                .forEach(kpi -> expected.put(kpi.id(), kpi));
        for (Kpi kpi : model.kpis()) {
            Kpi peer = expected.get(kpi.id());
            if (peer == null || peer.value() != kpi.value() || !peer.previous().equals(kpi.previous())) {
                throw LoglakeException.internal(
                        String.format(
                                Locale.ROOT,
                                "The report and DuckDB disagree on %s: %s against %s",
                                kpi.id(),
                                kpi,
                                peer),
                        null);
            }
        }
    }

    /**
     * Copies the fact table's files of [from, to] to {@code target}/dt=.../, as DuckDB reads them, into an empty
     * folder: copies left by an earlier bench (run with --keep) would make DuckDB count their rows too.
     */
    private double copyFacts(LocalDate from, LocalDate to, Path target) {
        long started = System.nanoTime();
        LocalFiles.deleteRecursively(target);
        List<List<Object>> files = lake.rows("SELECT DISTINCT \"$path\", CAST(dt AS varchar) FROM "
                + lake.table(ROLE, "marts", "fact_requests") + " WHERE dt BETWEEN DATE '" + from + "' AND DATE '" + to
                + "'");
        for (List<Object> file : files) {
            URI uri = URI.create((String) file.get(0));
            String key = uri.getPath().substring(1);
            // Trino names its files without an extension; DuckDB's glob below looks for .parquet.
            Path local =
                    target.resolve("dt=" + file.get(1)).resolve(key.substring(key.lastIndexOf('/') + 1) + ".parquet");
            byte[] bytes = lake.s3()
                    .getObjectAsBytes(request -> request.bucket(uri.getHost()).key(key))
                    .asByteArray();
            try {
                Files.createDirectories(local.getParent());
                Files.write(local, bytes);
            } catch (IOException e) {
                throw LoglakeException.external("Cannot write the local copy " + local + ": " + e.getMessage(), e);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double seconds(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
