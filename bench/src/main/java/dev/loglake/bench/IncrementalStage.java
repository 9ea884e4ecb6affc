package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue #4's figure: the time to load one new day into a lake that holds N days, against loading the first day
 * into an empty lake. The lake's first N days are loaded as one backfill (batched by transform.batch-days) to
 * keep the bench short; each run then loads a new day (N+1, N+2, ...), so every measured load is a real new day.
 */
final class IncrementalStage {
    private final BenchLake lake;
    private final PrintWriter out;

    IncrementalStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run(BenchReport report, List<TransformSummary> firstDays) {
        BenchOptions options = lake.options();
        LocalDate lastLakeDay = options.start().plusDays(options.lakeDays() - 1L);
        TransformSummary backfill = lake.transform(BenchOptions.SHARED_ROLE, Bench.days(options.start(), lastLakeDay));
        double backfillJobs =
                EtlStage.stagingAndFactSeconds(lake.jobMillis(BenchOptions.SHARED_ROLE, backfill.runId()));
        out.printf(
                Locale.ROOT,
                "  backfill of %d day(s): %,d raw lines in %.1f s (staging + fact %.1f s)%n",
                options.lakeDays(),
                Bench.rawLines(backfill),
                Bench.seconds(backfill),
                backfillJobs);
        out.flush();

        List<Double> newDaySeconds = new ArrayList<>();
        List<Double> newDayRates = new ArrayList<>();
        List<Double> newDayStatements = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            LocalDate day = lastLakeDay.plusDays(run);
            Instant started = Instant.now();
            TransformSummary summary = lake.transform(BenchOptions.SHARED_ROLE, Bench.days(day, day));
            newDayStatements.add((double) lake.statementsSince(started));
            double jobs = EtlStage.stagingAndFactSeconds(lake.jobMillis(BenchOptions.SHARED_ROLE, summary.runId()));
            newDaySeconds.add(Bench.seconds(summary));
            newDayRates.add(Bench.rawLines(summary) / jobs);
            out.printf(
                    Locale.ROOT,
                    "  new day %s into a lake of %d day(s): %.1f s (staging + fact %.1f s), %.0f statements%n",
                    day,
                    options.lakeDays() + run - 1,
                    Bench.seconds(summary),
                    jobs,
                    newDayStatements.get(newDayStatements.size() - 1));
            out.flush();
        }
        Spread firstDay = Spread.of(firstDays.stream().map(Bench::seconds).toList());
        Spread newDay = Spread.of(newDaySeconds);
        Spread ratio = newDay.over(firstDay);
        Spread firstDayRate = Spread.of(firstDays.stream()
                .map(summary -> Bench.rawLines(summary)
                        / EtlStage.stagingAndFactSeconds(lake.jobMillis(roleOf(firstDays, summary), summary.runId())))
                .toList());
        double backfillRate = Bench.rawLines(backfill) / backfillJobs;

        report.row(
                "incremental",
                "load one new day into " + options.lakeDays() + " days, s",
                newDay.format("%.1f"),
                firstDay.format("%.1f"),
                ratio.format("%.2f"),
                "<= 1.3 (first day)");
        report.row(
                "incremental",
                "rows/s " + Bench.STAGING_AND_FACT + ", new day",
                Spread.of(newDayRates).format("%,.0f"),
                firstDayRate.format("%,.0f"),
                "",
                "");
        report.row(
                "incremental",
                "rows/s " + Bench.STAGING_AND_FACT + ", backfill of " + options.lakeDays() + " days",
                Spread.single(backfillRate).format("%,.0f"),
                "",
                "",
                "");
        report.row(
                "incremental",
                "Trino statements for one new day",
                Spread.of(newDayStatements).format("%.0f"),
                "",
                "",
                "<= 40");
        report.put("incremental", "new_day_statements", Spread.of(newDayStatements));
        report.put("incremental", "lake_days", options.lakeDays());
        report.put("incremental", "first_day_seconds", firstDay);
        report.put("incremental", "new_day_seconds", newDay);
        report.put("incremental", "ratio_new_over_first", ratio);
        report.put("incremental", "new_day_staging_and_fact_rows_per_s", Spread.of(newDayRates));
        report.put("incremental", "first_day_staging_and_fact_rows_per_s", firstDayRate);
        report.put("incremental", "backfill_seconds", Bench.seconds(backfill));
        report.put("incremental", "backfill_staging_and_fact_rows_per_s", backfillRate);
        report.note("incremental: whole transform runs (plan, staging, every mart, checks, ledger; statements"
                + " counted in Trino's system.runtime.queries). First day = day 1 into an empty lake of its own, once per run; new day = the next"
                + " unseen day into the lake that holds the first " + options.lakeDays() + " days (loaded by one"
                + " backfill), one new day per run.");
    }

    private static String roleOf(List<TransformSummary> firstDays, TransformSummary summary) {
        return BenchOptions.firstDayRole(firstDays.indexOf(summary) + 1);
    }
}
