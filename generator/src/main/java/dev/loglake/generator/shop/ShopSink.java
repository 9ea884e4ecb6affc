package dev.loglake.generator.shop;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Where a generate run puts the shop's orders: the shop's database ({@link ShopWriter}), or a test's memory. */
public interface ShopSink {
    /** Fails before the run writes any log when the shop cannot be written. */
    void check();

    /**
     * Replaces the orders of each day of {@code days} from {@code firstDay} on with the given ones (a day may have
     * none). Days before it are the late visits of days an earlier run wrote: their orders are added to that run's.
     */
    void replaceDays(String storefront, LocalDate firstDay, Map<LocalDate, List<ShopOrder>> days);
}
