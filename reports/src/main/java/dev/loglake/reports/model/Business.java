package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The business part of a report, present when the lake has the conversions mart (the shop's database connected as
 * a catalog) with visits in the period: the shop's headline figures and the period's revenue by channel.
 *
 * @param kpis revenue, orders, conversion rate and average order value, with their change
 * @param current the period's sums, which the channels add up to
 * @param channels the channels with visits, most revenue first
 */
public record Business(List<Kpi> kpis, BusinessFigures current, List<ChannelRow> channels) {
    /** What the report says instead when the lake has no business data for the period. */
    public static final String NOT_CONNECTED = "No business data is connected: the lake has no conversions for these"
            + " days, so this report shows traffic only. Connect the shop's database with 'loglake catalog add' and"
            + " set shop.catalog (README: Joining other databases).";

    public Business {
        kpis = List.copyOf(kpis);
        requireNonNull(current, "current is null");
        channels = List.copyOf(channels);
    }

    public static Business of(BusinessFigures current, Optional<BusinessFigures> previous, List<ChannelRow> channels) {
        return new Business(BusinessFigures.kpis(current, previous), current, channels);
    }
}
