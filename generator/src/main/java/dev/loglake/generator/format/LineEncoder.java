package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;

/** Writes an event as one line of text, newline included. Not thread-safe: one per worker. */
public interface LineEncoder {
    void encode(AccessEvent event, LineBuffer out);

    /** Writes the event with a timestamp no parser accepts (one of the malformed-line kinds). */
    void encodeWithBadTimestamp(AccessEvent event, String badTimestamp, LineBuffer out);

    /** Timestamps in other forms or out of range, none of them valid in this format. */
    java.util.List<String> badTimestamps();
}
