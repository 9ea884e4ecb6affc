package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.transforms.run.TransformSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What fault-tolerant execution costs a normal run: the ETL stage's first day loaded again, each run into an empty
 * lake of its own, with {@code transform.retry-policy=task} (every statement spools its tasks' output to the
 * exchange), against the ETL stage's own runs of the same day without it, in the same bench. Nothing fails here:
 * this is the price of being able to survive a lost worker, paid on every run.
 */
final class RetryStage {
    private final BenchLake lake;
    private final PrintWriter out;

    RetryStage(BenchLake lake, PrintWriter out) {
        this.lake = requireNonNull(lake, "lake is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** {@code withoutRetries}: the ETL stage's first-day runs, the peer. */
    void run(BenchReport report, List<TransformSummary> withoutRetries) {
        BenchOptions options = lake.options();
        List<Double> withTask = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            TransformSummary summary =
                    lake.transform(BenchOptions.retryRole(run), Bench.days(options.start(), options.start()));
            requireSameLoad(summary, withoutRetries.get(0));
            withTask.add(Bench.seconds(summary));
            out.printf(
                    Locale.ROOT,
                    "  loglake run %d with retry-policy TASK: %,d raw lines, whole transform %.1f s%n",
                    run,
                    Bench.rawLines(summary),
                    Bench.seconds(summary));
            out.flush();
        }
        Spread task = Spread.of(withTask);
        Spread none = Spread.of(withoutRetries.stream().map(Bench::seconds).toList());
        Spread cost = task.over(none);
        report.row(
                "retry",
                "whole transform of the first day, TASK retries, s",
                task.format("%.1f"),
                none.format("%.1f"),
                cost.format("%.2f"),
                "(cost, no goal)");
        report.put("retry", "task_whole_transform_seconds", task);
        report.put("retry", "none_whole_transform_seconds", none);
        report.put("retry", "ratio_task_over_none", cost);
        report.note("retry: the ETL stage's first day with transform.retry-policy=task (fault-tolerant execution,"
                + " the stack's local exchange folder), each run into an empty lake, against the ETL stage's runs"
                + " of the same day with the policy none. A ratio above 1 is what surviving a lost worker costs.");
    }

    /** A different load would make the comparison meaningless: the same raw lines and requests, or the stage fails. */
    private static void requireSameLoad(TransformSummary withTask, TransformSummary without) {
        if (Bench.rawLines(withTask) != Bench.rawLines(without)
                || withTask.requestsLoaded() != without.requestsLoaded()) {
            throw LoglakeException.internal(
                    String.format(
                            Locale.ROOT,
                            "The first day loaded with TASK retries read %,d raw lines and loaded %,d requests;"
                                    + " without retries %,d and %,d: expected the same",
                            Bench.rawLines(withTask),
                            withTask.requestsLoaded(),
                            Bench.rawLines(without),
                            without.requestsLoaded()),
                    null);
        }
    }
}
