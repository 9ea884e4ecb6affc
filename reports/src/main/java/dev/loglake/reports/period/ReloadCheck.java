package dev.loglake.reports.period;

import dev.loglake.core.LoglakeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a report's figures from mixing a day's old and new figures. A transform may rewrite a complete day while
 * a report reads it (late lines, a backfill, a rerun), and a report is several queries. So the report reads the
 * ledger's days before its figures and after them: a day being reloaded before stops the report at once, and a
 * day whose status changed in between (a reload began, or ended) means the figures may cover two states of the
 * lake; the report then fails with a message naming the day and the run, and writes nothing.
 */
public final class ReloadCheck {
    private ReloadCheck() {}

    /** Fails when a day of the report's window is being reloaded. */
    public static void requireNoneReloading(List<LedgerDay> days) {
        days.stream().filter(LedgerDay::reloading).findFirst().ifPresent(day -> {
            throw LoglakeException.external(
                    "Day %s is being reloaded by transform run %s (since %s UTC): it was complete and is written"
                            + " again (late lines, a backfill or a rerun). A report now would mix its old and new"
                            + " figures, so nothing was written. Run the report again when that run ends.",
                    day.dt(), day.runId(), day.updatedAt());
        });
    }

    /** The first day whose ledger state differs between the two reads, described for the user, if any. */
    public static Optional<String> changed(List<LedgerDay> before, List<LedgerDay> after) {
        Map<LocalDate, LedgerDay> earlier = byDay(before);
        Map<LocalDate, LedgerDay> later = byDay(after);
        return java.util.stream.Stream.concat(earlier.keySet().stream(), later.keySet().stream())
                .sorted()
                .distinct()
                .filter(day -> !Objects.equals(earlier.get(day), later.get(day)))
                .findFirst()
                .map(day -> describe(day, earlier.get(day), later.get(day)));
    }

    /** Fails when the ledger changed while the report read its figures; {@code cause} is a query's failure. */
    public static void requireUnchanged(List<LedgerDay> before, List<LedgerDay> after, Throwable cause) {
        Optional<String> change = changed(before, after);
        if (change.isPresent()) {
            throw LoglakeException.external(
                    change.get() + " while the report read its figures, so they could mix the day's old and new"
                            + " figures: nothing was written. Run the report again when the transform ends.",
                    cause);
        }
    }

    private static String describe(LocalDate day, LedgerDay before, LedgerDay after) {
        if (after == null) {
            return "Day " + day + " left the ledger";
        }
        String was = before == null ? "unknown" : before.status();
        return "Day " + day + " went from " + was + " to " + after.status() + " (transform run " + after.runId()
                + ", at " + after.updatedAt() + " UTC)";
    }

    private static Map<LocalDate, LedgerDay> byDay(List<LedgerDay> days) {
        return days.stream().collect(Collectors.toMap(LedgerDay::dt, Function.identity()));
    }
}
