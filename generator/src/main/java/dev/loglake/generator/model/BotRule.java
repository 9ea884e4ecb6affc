package dev.loglake.generator.model;

import java.util.Locale;

/**
 * How the pipeline tells a bot from a person: the user agent contains "bot", "crawler", "spider" or "slurp",
 * ignoring case. The generator's crawlers all match it and its browsers never do, so the generator's own
 * crawler flag and this rule agree on every event; the transforms implement the same rule in SQL.
 */
public final class BotRule {
    private static final String[] MARKERS = {"bot", "crawler", "spider", "slurp"};

    private BotRule() {}

    public static boolean isBot(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
