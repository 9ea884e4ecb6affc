package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.manifest.ArrivalDateCounter;
import dev.loglake.generator.manifest.EventDateCounter;
import dev.loglake.generator.shop.ShopDayCounter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What one arrival hour generated: counts for the manifest (the shop's when asked) and the objects it wrote. */
public record HourResult(
        HourPlan plan,
        Map<LocalDate, EventDateCounter> eventDates,
        ArrivalDateCounter arrival,
        List<String> keys,
        long storedBytes,
        long rawBytes,
        Map<LocalDate, ShopDayCounter> shopDates) {
    public HourResult {
        requireNonNull(plan, "plan is null");
        eventDates = Map.copyOf(eventDates);
        requireNonNull(arrival, "arrival is null");
        keys = List.copyOf(keys);
        shopDates = Map.copyOf(shopDates);
    }
}
