package dev.loglake.bench;

import dev.loglake.core.LoglakeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A figure measured several times: its median, which the bench reports, and the spread (min-max) that says how
 * much to trust it on a shared machine.
 */
public record Spread(double median, double min, double max, int runs) {
    public Spread {
        if (runs < 1 || min > median || median > max) {
            throw LoglakeException.internal(
                    String.format(
                            Locale.ROOT, "Invalid spread: median %s, min %s, max %s, runs %d", median, min, max, runs),
                    null);
        }
    }

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw LoglakeException.internal("Cannot summarise zero measurements", null);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    public static Spread single(double value) {
        return new Spread(value, value, value, 1);
    }

    /** The ratio of two medians, with the widest and narrowest ratio the spreads allow. */
    public Spread over(Spread denominator) {
        return new Spread(
                median / denominator.median,
                min / denominator.max,
                max / denominator.min,
                Math.min(runs, denominator.runs));
    }

    /** {@code 1,234 (1,200-1,300)}, formatted with the given pattern for each value. */
    public String format(String pattern) {
        String value = String.format(Locale.ROOT, pattern, median);
        if (runs == 1) {
            return value + " (1 run)";
        }
        return value + " (" + String.format(Locale.ROOT, pattern, min).trim() + "-"
                + String.format(Locale.ROOT, pattern, max).trim() + ")";
    }
}
