package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.sql.SqlValue;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SQL of a reports view while some of its days are rewritten: the view's rows of every other day, and for
 * each day being rewritten one row whose filter fails with a message naming the day and the run.
 *
 * <p>The days are constants in the view's text, so Trino prunes their partitions when it plans a query: no query
 * on the view lists a file of a day being rewritten, whatever its form (a join on a constant day has no dynamic
 * filter to wait for, so a guard read from the ledger at run time cannot keep the scan off those files). A query
 * that reaches such a day fails on the message; one on other days is not affected. The failing rows come from a
 * VALUES list, their other columns are typed NULLs from the view itself with a false filter, which reads nothing.
 */
record GuardedView(String body, List<String> columns, SortedSet<LocalDate> days, String message) {
    GuardedView {
        requireNonNull(body, "body is null");
        columns = List.copyOf(columns);
        days = new TreeSet<>(days);
        requireNonNull(message, "message is null");
        if (!columns.contains("dt")) {
            throw new IllegalArgumentException("a guarded view needs a dt column, got " + columns);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days to guard");
        }
        if (!message.contains("%s")) {
            throw new IllegalArgumentException("the message must name the day with %s: " + message);
        }
    }

    String sql() {
        String dates = days.stream().map(day -> new SqlValue.Date(day).render()).collect(Collectors.joining(", "));
        String served =
                columns.stream().map(column -> "served." + quoted(column)).collect(Collectors.joining(", "));
        String rewritten = columns.stream()
                .map(column -> column.equals("dt") ? "rewritten.dt" : "empty." + quoted(column))
                .collect(Collectors.joining(", "));
        return "SELECT " + served + "\nFROM (\n" + body + "\n) served\nWHERE served.dt NOT IN (" + dates + ")\n"
                + "UNION ALL\n"
                + "SELECT " + rewritten + "\nFROM (VALUES " + dates + ") rewritten(dt)\n"
                + "LEFT JOIN (SELECT * FROM (\n" + body + "\n) WHERE false) empty ON true\n"
                + "WHERE CAST(fail(format(" + new SqlValue.Text(message).render() + ", rewritten.dt)) AS boolean)";
    }

    private static String quoted(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
