package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One identity as the logs see it: an address and a user agent, plus what the model knows about it.
 *
 * @param key unique per visitor in a run (people from 0 up, crawlers negative); distinct keys never share
 *     an (ip, userAgent) pair
 * @param ipKey unique per address string in a run: equal for two visitors exactly when they share an address
 */
public record Visitor(
        long key,
        Token ip,
        long ipKey,
        Token userAgent,
        int countryIndex,
        Device device,
        VisitorKind kind,
        boolean http2,
        Optional<Crawler> crawler) {
    public Visitor {
        requireNonNull(ip, "ip is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(device, "device is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(crawler, "crawler is null");
        if (crawler.isPresent() != (kind == VisitorKind.CRAWLER)) {
            throw new IllegalArgumentException("a crawler visitor must name its crawler, and only it");
        }
    }

    public boolean bot() {
        return kind == VisitorKind.CRAWLER;
    }
}
