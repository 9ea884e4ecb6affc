package dev.loglake.generator.model;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** Items drawn in proportion to their weights, by binary search over cumulative weights. */
public final class WeightedList<T> {
    private final List<T> items;
    private final double[] cumulative;

    public WeightedList(List<T> items, ToDoubleFunction<T> weight) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items to choose from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (!(w >= 0)) {
                throw new IllegalArgumentException("negative weight for " + items.get(i));
            }
            sum += w;
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    public T pick(RandomGenerator random) {
        return items.get(index(random.nextDouble() * cumulative[cumulative.length - 1]));
    }

    public List<T> items() {
        return items;
    }

    private int index(double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
