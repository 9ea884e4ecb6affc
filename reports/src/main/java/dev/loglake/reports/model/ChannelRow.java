package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/** One channel's line of the report's revenue table: the sums of the conversions mart over the period. */
public record ChannelRow(String channel, BusinessFigures figures) {
    public ChannelRow {
        requireNonNull(channel, "channel is null");
        requireNonNull(figures, "figures is null");
    }

    /** The channel's part of the period's revenue; empty when nothing was sold. */
    public OptionalDouble revenueShare(long totalRevenueCents) {
        return Kpi.ratio(figures.revenueCents(), totalRevenueCents);
    }
}
