package dev.loglake.reports.render;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One table of the report as an RFC 4180 CSV file: a header line, then one line per row, fields quoted when
 * they hold a comma, a quote, a carriage return or a line feed (quotes doubled), lines ended by CRLF.
 *
 * <p>Text cells hold what visitors sent (paths, referrers, user agents), and a spreadsheet runs a cell that
 * starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return before one) as a
 * formula. Such a text cell is written the OWASP way: prefixed with a single quote and quoted. The columns named
 * in {@code numericColumns} hold numbers (checked here), written as they are, so that a negative change stays a
 * number.
 */
public record Csv(String fileName, List<String> header, Set<String> numericColumns, List<List<String>> rows) {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?|NaN|-?Infinity");

    public Csv {
        requireNonNull(fileName, "fileName is null");
        header = List.copyOf(header);
        numericColumns = Set.copyOf(numericColumns);
        rows = rows.stream().map(List::copyOf).toList();
        if (!header.containsAll(numericColumns)) {
            throw new IllegalArgumentException(
                    fileName + ": numeric columns " + numericColumns + " are not all in the header " + header);
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        fileName + ": row " + row + " has " + row.size() + " fields, the header " + header.size());
            }
            for (int column = 0; column < row.size(); column++) {
                String value = row.get(column);
                if (numericColumns.contains(header.get(column))
                        && !value.isEmpty()
                        && !NUMBER.matcher(value).matches()) {
                    throw new IllegalArgumentException(fileName + ": the numeric column " + header.get(column)
                            + " holds '" + value + "', expected a number or nothing");
                }
            }
        }
    }

    /** A table whose columns all hold text. */
    public Csv(String fileName, List<String> header, List<List<String>> rows) {
        this(fileName, header, Set.of(), rows);
    }

    public String render() {
        StringBuilder csv = new StringBuilder();
        csv.append(line(header, Set.of()));
        rows.forEach(row -> csv.append(line(row, numericIndexes())));
        return csv.toString();
    }

    private Set<Integer> numericIndexes() {
        return IntStream.range(0, header.size())
                .filter(column -> numericColumns.contains(header.get(column)))
                .boxed()
                .collect(Collectors.toSet());
    }

    private static String line(List<String> fields, Set<Integer> numeric) {
        return IntStream.range(0, fields.size())
                        .mapToObj(column ->
                                numeric.contains(column) ? field(fields.get(column)) : textField(fields.get(column)))
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    /** A text cell, neutralised if a spreadsheet would take it for a formula. */
    static String textField(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return '"' + "'" + value.replace("\"", "\"\"") + '"';
        }
        return field(value);
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
