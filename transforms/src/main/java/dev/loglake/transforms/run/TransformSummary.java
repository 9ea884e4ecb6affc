package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * What a transform run did, for the command line and tests.
 *
 * @param partialDays the event days the run left partial: their raw day is open, or was never loaded
 */
public record TransformSummary(
        String runId,
        SortedSet<LocalDate> arrivalDays,
        SortedSet<LocalDate> eventDays,
        SortedSet<LocalDate> partialDays,
        long linesParsed,
        long linesQuarantined,
        long requestsLoaded,
        Duration elapsed) {
    public TransformSummary {
        requireNonNull(runId, "runId is null");
        arrivalDays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(arrivalDays));
        eventDays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(eventDays));
        partialDays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(partialDays));
        requireNonNull(elapsed, "elapsed is null");
    }

    public boolean nothingToDo() {
        return arrivalDays.isEmpty();
    }

    public List<LocalDate> arrivalDayList() {
        return List.copyOf(arrivalDays);
    }
}
