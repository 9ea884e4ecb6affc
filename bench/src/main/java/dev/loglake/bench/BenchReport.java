package dev.loglake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a bench run: a table for people, bench.json for tools, and notes on how each was measured. */
public final class BenchReport {
    /** One line of the table. */
    record Row(String stage, String figure, String loglake, String peer, String ratio, String goal) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    void row(String stage, String figure, String loglake, String peer, String ratio, String goal) {
        rows.add(new Row(stage, figure, loglake, peer, ratio, goal));
    }

    private final List<String> failures = new ArrayList<>();

    void failed(String stage, String message) {
        failures.add(stage + ": " + message);
        rows.add(new Row(
                stage,
                "FAILED: " + (message.length() > 70 ? message.substring(0, 67) + "..." : message),
                "",
                "",
                "",
                ""));
        put("failures", stage, message);
    }

    /** The stages that failed, with their messages; empty when every stage ran. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A value in bench.json under {@code section}; a {@link Spread} is written as median, min, max and runs. */
    void put(String section, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) json.computeIfAbsent(section, name -> new LinkedHashMap<>());
        map.put(key, value instanceof Spread spread ? spreadJson(spread) : value);
    }

    private static Map<String, Object> spreadJson(Spread spread) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("median", spread.median());
        map.put("min", spread.min());
        map.put("max", spread.max());
        map.put("runs", spread.runs());
        return map;
    }

    public void print(PrintWriter out) {
        int[] widths = {5, 6, 7, 4, 5, 4};
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %" + widths[3] + "s  %"
                + widths[4] + "s  %-" + widths[5] + "s%n";
        out.printf(format, "stage", "figure", "loglake", "peer / limit", "ratio", "goal");
        String previous = "";
        for (Row row : rows) {
            String[] cells = cells(row);
            if (cells[0].equals(previous)) {
                cells[0] = "";
            } else {
                previous = cells[0];
            }
            out.printf(format, (Object[]) cells);
        }
        out.println();
        notes.forEach(note -> out.println("* " + note));
        out.flush();
    }

    private static String[] cells(Row row) {
        return new String[] {row.stage(), row.figure(), row.loglake(), row.peer(), row.ratio(), row.goal()};
    }

    public void write(Path file) {
        Map<String, Object> document = new LinkedHashMap<>(json);
        document.put("notes", notes);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw LoglakeException.external("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
