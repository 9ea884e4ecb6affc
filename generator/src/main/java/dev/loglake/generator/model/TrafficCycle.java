package dev.loglake.generator.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When people browse: a daily curve and a weekly curve, both in each visitor's own time zone, summed over
 * the audience's countries. Crawlers are not in it; they crawl around the clock.
 *
 * <p>The configured daily volume is the average over a week: a Tuesday gets a little more, a Saturday less.
 */
public final class TrafficCycle {
    /** Relative activity by local hour: quiet at night, a lunch plateau, the evening peak. */
    private static final double[] BY_LOCAL_HOUR = {
        0.35, 0.22, 0.15, 0.11, 0.10, 0.12, 0.22, 0.40, 0.60, 0.78, 0.90, 0.97,
        1.00, 0.98, 0.95, 0.93, 0.92, 0.95, 1.00, 1.05, 1.08, 1.00, 0.80, 0.55
    };
    /** Relative activity by local day of week, Monday first: shopping dips on Saturdays. */
    private static final double[] BY_LOCAL_DAY = {1.02, 1.05, 1.03, 1.02, 0.97, 0.90, 1.01};

    private static final double MEAN_DAY_WEIGHT = meanDayWeight();

    private TrafficCycle() {}

    /** The relative weight of one UTC hour of a date, summed over the countries. */
    public static double hourWeight(LocalDate date, int utcHour) {
        double sum = 0;
        for (Country country : Countries.ALL) {
            sum += country.weight() * localActivity(country, date, utcHour);
        }
        return sum;
    }

    /** How active a country's visitors are at a UTC hour of a date (1.0 = a typical busy hour). */
    public static double localActivity(Country country, LocalDate date, int utcHour) {
        int localMinutes = utcHour * 60 + 30 + country.utcOffsetMinutes();
        LocalDate localDate = date.plusDays(Math.floorDiv(localMinutes, 24 * 60));
        int localHour = Math.floorMod(localMinutes, 24 * 60) / 60;
        return BY_LOCAL_HOUR[localHour] * BY_LOCAL_DAY[localDate.getDayOfWeek().getValue() - 1];
    }

    /** The highest {@link #localActivity} can be, for rejection sampling. */
    public static double maxLocalActivity() {
        double maxHour = 0;
        for (double value : BY_LOCAL_HOUR) {
            maxHour = Math.max(maxHour, value);
        }
        double maxDay = 0;
        for (double value : BY_LOCAL_DAY) {
            maxDay = Math.max(maxDay, value);
        }
        return maxHour * maxDay;
    }

    /** Events of each UTC hour of a date: they sum to the day's volume exactly (largest remainders). */
    public static long[] hourQuotas(LocalDate date, long eventsPerDay) {
        double[] weights = new double[24];
        double daySum = 0;
        for (int hour = 0; hour < 24; hour++) {
            weights[hour] = hourWeight(date, hour);
            daySum += weights[hour];
        }
        long dayTotal = Math.round(eventsPerDay * daySum / MEAN_DAY_WEIGHT);
        return Apportion.largestRemainder(dayTotal, weights);
    }

    /** The countries new visitors of a UTC hour come from, weighted by who is awake. */
    public static WeightedList<Integer> countriesAt(LocalDate date, int utcHour) {
        List<Integer> indexes = IntStream.range(0, Countries.ALL.size()).boxed().toList();
        return new WeightedList<>(indexes, index -> {
            Country country = Countries.ALL.get(index);
            return country.weight() * localActivity(country, date, utcHour);
        });
    }

    private static double meanDayWeight() {
        // Any Monday: the mean over one whole week does not depend on which week.
        LocalDate monday = LocalDate.of(2024, 1, 1);
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalStateException("2024-01-01 is a Monday");
        }
        double sum = 0;
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                sum += hourWeight(monday.plusDays(day), hour);
            }
        }
        return sum / 7;
    }
}
