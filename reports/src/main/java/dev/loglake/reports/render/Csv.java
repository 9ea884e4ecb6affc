package dev.loglake.reports.render;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One table of the report as an RFC 4180 CSV file: a header line, then one line per row, fields quoted when
 * they hold a comma, a quote, a carriage return or a line feed (quotes doubled), lines ended by CRLF.
 */
public record Csv(String fileName, List<String> header, List<List<String>> rows) {
    public Csv {
        requireNonNull(fileName, "fileName is null");
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        fileName + ": row " + row + " has " + row.size() + " fields, the header " + header.size());
            }
        }
    }

    public String render() {
        StringBuilder csv = new StringBuilder();
        csv.append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
