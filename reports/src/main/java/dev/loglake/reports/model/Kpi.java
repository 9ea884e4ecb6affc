package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A headline figure of the report with its value in the previous period (empty when the previous period has
 * no complete day, or the figure is undefined there, such as a rate over zero requests).
 *
 * @param id the stable name in kpis.json and the CSV files, such as {@code error_rate_5xx}
 */
public record Kpi(String id, String label, Unit unit, double value, OptionalDouble previous) {
    public Kpi {
        requireNonNull(id, "id is null");
        requireNonNull(label, "label is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(previous, "previous is null");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("KPI " + id + " has no finite value: " + value);
        }
    }

    /**
     * The change against the previous period: relative for counts, bytes and times ({@code 0.125} = +12.5%),
     * in percentage points for ratios ({@code 0.004} = +0.4 pt). Empty when there is no previous value or, for a
     * relative change, when the previous value is zero.
     */
    public OptionalDouble change() {
        if (previous.isEmpty()) {
            return OptionalDouble.empty();
        }
        double before = previous.getAsDouble();
        if (unit == Unit.RATIO) {
            return OptionalDouble.of(value - before);
        }
        return before == 0 ? OptionalDouble.empty() : OptionalDouble.of((value - before) / before);
    }

    /** The value as shown on the page, such as "12,345" or "1.25%". */
    public String display() {
        return unit.format(value);
    }

    /** The change as shown on the page: "+12.5%", "-0.40 pt", or "n/a". */
    public String changeDisplay() {
        OptionalDouble change = change();
        if (change.isEmpty()) {
            return "n/a";
        }
        double delta = change.getAsDouble();
        String shown = unit == Unit.RATIO
                ? String.format(Locale.ROOT, "%+.2f pt", delta * 100)
                : String.format(Locale.ROOT, "%+.1f%%", delta * 100);
        // A tiny decrease rounds to "-0.00 pt"; show it as no change.
        return shown.matches("-0\\.0+( pt|%)") ? "+" + shown.substring(1) : shown;
    }

    public Optional<String> previousDisplay() {
        return previous.isPresent() ? Optional.of(unit.format(previous.getAsDouble())) : Optional.empty();
    }

    /** A ratio, or empty when the denominator is zero. */
    public static OptionalDouble ratio(double numerator, double denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
    }
}
