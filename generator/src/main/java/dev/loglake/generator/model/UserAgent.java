package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

/** A browser's user agent string and the device it belongs to. */
public record UserAgent(Token text, Device device, double weight) {
    public UserAgent {
        requireNonNull(text, "text is null");
        requireNonNull(device, "device is null");
        if (BotRule.isBot(text.text())
                || text.text().indexOf('"') >= 0
                || text.text().indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not a plain browser user agent: " + text);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }
}
