package dev.loglake.it.transforms;

import java.math.BigDecimal;
import java.util.List;

/**
 * The test's own reading of a percentile, written apart from the SQL it checks: every response time floored to
 * three significant digits, sorted, and the nearest rank taken (the smallest value with at least the share of
 * the requests at or below it), in milliseconds as a REAL, the type the marts store.
 */
final class ResponseTimeOracle {
    private ResponseTimeOracle() {}

    static double percentileMillis(List<Long> responseMicros, int percent) {
        long[] buckets = responseMicros.stream()
                .mapToLong(ResponseTimeOracle::bucket)
                .sorted()
                .toArray();
        long rank = ((long) percent * buckets.length + 99) / 100;
        return new BigDecimal(buckets[(int) rank - 1]).movePointLeft(3).floatValue();
    }

    /** 1,234,567 -> 1,230,000; 999 -> 999. */
    static long bucket(long micros) {
        long unit = 1;
        for (long rest = micros; rest >= 1000; rest /= 10) {
            unit *= 10;
        }
        return micros - micros % unit;
    }
}
