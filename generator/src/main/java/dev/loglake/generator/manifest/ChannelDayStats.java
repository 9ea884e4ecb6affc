package dev.loglake.generator.manifest;

import static java.util.Objects.requireNonNull;

/**
 * The shop's ground truth of one event date, channel and campaign (see generator/shop/Channels for the rule): visits
 * counted by the lake's session rule (marts/sessions.sql), those with at least one page view, attributed by their
 * landing request (the first page view).
 *
 * @param convertingSessions visits that placed at least one order
 * @param revenueCents the orders' amounts, in cents
 */
public record ChannelDayStats(
        String channel, String campaign, long sessions, long convertingSessions, long orders, long revenueCents) {
    public ChannelDayStats {
        requireNonNull(channel, "channel is null");
        requireNonNull(campaign, "campaign is null");
        if (convertingSessions > sessions || convertingSessions > orders) {
            throw new IllegalArgumentException("more converting sessions than sessions or orders: " + channel);
        }
    }
}
