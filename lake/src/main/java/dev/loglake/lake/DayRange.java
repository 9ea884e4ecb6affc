package dev.loglake.lake;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** A run of consecutive days, both ends included. */
public record DayRange(LocalDate from, LocalDate to) {
    public DayRange {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw LoglakeException.user(
                    "Invalid date range %s to %s: the end is before the start. Give --from before --to.", from, to);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** Splits this range into ranges of at most {@code size} days. */
    public List<DayRange> chunks(int size) {
        List<DayRange> chunks = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(size)) {
            LocalDate end = start.plusDays(size - 1L);
            chunks.add(new DayRange(start, end.isAfter(to) ? to : end));
        }
        return chunks;
    }

    /**
     * Splits this range into consecutive ranges whose rows add up to at most {@code maxRows}; a day with more
     * rows than that is a range of its own. Days missing from {@code rowsPerDay} count as empty.
     */
    public List<DayRange> splitByRows(Map<LocalDate, Long> rowsPerDay, long maxRows) {
        List<DayRange> ranges = new ArrayList<>();
        LocalDate start = from;
        long rows = 0;
        for (LocalDate day : dates()) {
            long dayRows = rowsPerDay.getOrDefault(day, 0L);
            if (rows > 0 && rows + dayRows > maxRows) {
                ranges.add(new DayRange(start, day.minusDays(1)));
                start = day;
                rows = 0;
            }
            rows += dayRows;
        }
        ranges.add(new DayRange(start, to));
        return ranges;
    }

    /** Groups sorted days into runs of consecutive days. */
    public static List<DayRange> consecutive(SortedSet<LocalDate> days) {
        List<DayRange> ranges = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (start == null) {
                start = day;
            } else if (!day.equals(previous.plusDays(1))) {
                ranges.add(new DayRange(start, previous));
                start = day;
            }
            previous = day;
        }
        if (start != null) {
            ranges.add(new DayRange(start, previous));
        }
        return ranges;
    }

    @Override
    public String toString() {
        return from.equals(to) ? from.toString() : from + ".." + to;
    }
}
