package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

/**
 * A search-engine or SEO crawler, with the user agent it really sends and an address block it really crawls
 * from (one of its published ranges).
 *
 * @param addresses how many addresses of the block it uses; each (address, user agent) is one visitor
 */
public record Crawler(
        String name, String userAgent, long networkBase, int prefixLength, int addresses, String country) {
    public Crawler {
        requireNonNull(name, "name is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(country, "country is null");
        if (!BotRule.isBot(userAgent)) {
            throw new IllegalArgumentException("crawler user agent must be classified as a bot: " + userAgent);
        }
        if (addresses < 1 || addresses > (1L << (32 - prefixLength)) - 2) {
            throw new IllegalArgumentException("addresses out of the block: " + addresses);
        }
    }

    public String address(int index) {
        return IpText.ipv4(networkBase + 1 + index);
    }

    public String cidr() {
        return IpText.ipv4(networkBase) + "/" + prefixLength;
    }
}
