package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;

/** Writes an event as one line of text, newline included. Not thread-safe: one per worker. */
public interface LineEncoder {
    void encode(AccessEvent event, LineBuffer out);

    /** Writes the event with a timestamp no parser accepts (one of the malformed-line kinds). */
    void encodeWithBadTimestamp(AccessEvent event, String badTimestamp, LineBuffer out);

    /** Timestamps in other forms or out of range, none of them valid in this format. */
    java.util.List<String> badTimestamps();

    /** What opens every object of the format before its first line (CloudFront's header lines); usually nothing. */
    default byte[] header() {
        return new byte[0];
    }

    /**
     * The position in a line of this format before which a cut leaves no valid line: the last quote by default
     * (the closing quote of the last required quoted field of the combined family and the JSON formats).
     */
    default int truncationLimit(LineBuffer line) {
        for (int i = line.size() - 1; i >= 0; i--) {
            if (line.array()[i] == '"') {
                return i;
            }
        }
        return line.size() - 1;
    }
}
