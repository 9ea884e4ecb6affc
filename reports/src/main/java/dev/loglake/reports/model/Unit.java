package dev.loglake.reports.model;

import java.util.Locale;

/** How a KPI's value is shown, and how its change against the previous period is measured. */
public enum Unit {
    /** A whole number; the change is relative (+12.5%). */
    COUNT,
    /** A number of bytes; shown as MB/GB, the change is relative. */
    BYTES,
    /** A ratio between 0 and 1, shown as a percentage; the change is in percentage points (+0.4 pt). */
    RATIO,
    /** Milliseconds; the change is relative. */
    MILLIS,
    /** An amount of money in cents of the shop's currency, shown as units with two decimals; the change is relative. */
    CENTS;

    public String format(double value) {
        return switch (this) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case BYTES -> formatBytes(value);
            case RATIO -> String.format(Locale.ROOT, "%.2f%%", value * 100);
            case MILLIS -> String.format(Locale.ROOT, "%,.1f ms", value);
            case CENTS -> String.format(Locale.ROOT, "%,.2f", value / 100);
        };
    }

    private static String formatBytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double scaled = bytes;
        while (scaled >= 1000 && unit < units.length - 1) {
            scaled /= 1000;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%,d B", Math.round(bytes))
                : String.format(Locale.ROOT, "%.2f %s", scaled, units[unit]);
    }
}
