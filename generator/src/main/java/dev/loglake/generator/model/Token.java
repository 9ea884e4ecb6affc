package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A string the encoders write many times (an address, a user agent, a path), encoded to UTF-8 once so that
 * the per-event hot path copies bytes instead of encoding strings.
 */
public final class Token {
    private final String text;
    private final byte[] utf8;

    public Token(String text) {
        this.text = requireNonNull(text, "text is null");
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    public String text() {
        return text;
    }

    public int length() {
        return utf8.length;
    }

    /** The encoded bytes; shared, never modify them. */
    @SuppressWarnings("EffectivelyPrivate")
    public byte[] bytes() {
        return utf8;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && token.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
