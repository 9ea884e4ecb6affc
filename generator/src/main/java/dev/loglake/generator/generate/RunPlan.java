package dev.loglake.generator.generate;

import dev.loglake.generator.model.TrafficCycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run into arrival hours before anything is generated, so that every hour knows its quotas and
 * its range of newcomer numbers and can be generated alone, in any order, on any thread.
 *
 * <p>Late events: an hour of day N (N after the first day) also receives {@code lateShare} times its
 * on-time volume of events from day N-1 or N-2 (never before the first day), as a log shipper that was
 * stuck delivers them. Late events therefore never leave the requested dates.
 */
public final class RunPlan {
    private RunPlan() {}

    public static List<HourPlan> hours(GenerateOptions options, long returningVisitors) {
        List<HourPlan> hours = new ArrayList<>();
        long nextNewcomer = returningVisitors;
        for (int day = 0; day < options.days(); day++) {
            LocalDate date = options.start().plusDays(day);
            long[] quotas = TrafficCycle.hourQuotas(date, options.eventsPerDay());
            for (int hour = 0; hour < 24; hour++) {
                long late = day == 0 ? 0 : Math.round(quotas[hour] * options.lateShare());
                long total = quotas[hour] + late;
                int objects =
                        (int) Math.max(1, (total + options.maxEventsPerObject() - 1) / options.maxEventsPerObject());
                hours.add(new HourPlan(date, hour, day, quotas[hour], late, nextNewcomer, objects));
                nextNewcomer += total;
            }
        }
        return List.copyOf(hours);
    }

    public static long totalEvents(List<HourPlan> hours) {
        return hours.stream().mapToLong(HourPlan::totalEvents).sum();
    }
}
