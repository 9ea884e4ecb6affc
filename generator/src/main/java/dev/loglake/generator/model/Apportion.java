package dev.loglake.generator.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Splits a whole number into parts proportional to weights, exactly (Hamilton's largest-remainder method). */
public final class Apportion {
    private Apportion() {}

    public static long[] largestRemainder(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total is negative: " + total);
        }
        double sum = Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        if (total == 0 || weights.length == 0) {
            return parts;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        // Ties go to the earlier index, so the split is the same on every JVM.
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; assigned < total; k++) {
            parts[order[k % order.length]]++;
            assigned++;
        }
        return parts;
    }
}
