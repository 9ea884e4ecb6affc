package dev.loglake.generator.format;

/** The broken lines real logs contain, which the generator mixes in on purpose. */
public enum MalformedKind {
    /** A line cut short, as when a server dies mid-write or a shipper splits a line. */
    TRUNCATED,
    /** A line whose timestamp is in another form or out of range. */
    BAD_TIMESTAMP,
    /** Bytes that are no log line at all (binary noise, a wrong encoding). */
    GARBAGE,
    /** A line longer than {@link CombinedLineParser#MAX_LINE_LENGTH} (a huge query string). */
    OVERSIZED
}
