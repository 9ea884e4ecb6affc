package dev.loglake.generator.manifest;

/** Counts what is written into one arrival date's objects. Not thread-safe: merged at the end. */
public final class ArrivalDateCounter {
    private long validLines;
    private long malformedLines;
    private long lateEventsArrived;
    private long objects;

    public void addValid(boolean late) {
        validLines++;
        if (late) {
            lateEventsArrived++;
        }
    }

    public void addMalformed(long lines) {
        malformedLines += lines;
    }

    public void addObjects(long count) {
        objects += count;
    }

    public void addAll(ArrivalDateCounter other) {
        validLines += other.validLines;
        malformedLines += other.malformedLines;
        lateEventsArrived += other.lateEventsArrived;
        objects += other.objects;
    }

    public ArrivalDateStats toStats() {
        return new ArrivalDateStats(
                validLines + malformedLines, validLines, malformedLines, lateEventsArrived, objects);
    }
}
