package dev.loglake.generator.manifest;

/**
 * What was written into one arrival date's objects (the dt= folders).
 *
 * @param linesWritten every line (for Parquet: every row)
 * @param lateEventsArrived valid lines whose event date is earlier than this arrival date
 */
public record ArrivalDateStats(
        long linesWritten, long validLines, long malformedLines, long lateEventsArrived, long objects) {
    public ArrivalDateStats {
        if (validLines + malformedLines != linesWritten) {
            throw new IllegalArgumentException("valid and malformed lines must add up to the lines written");
        }
        if (lateEventsArrived > validLines) {
            throw new IllegalArgumentException("more late events than valid lines");
        }
    }
}
