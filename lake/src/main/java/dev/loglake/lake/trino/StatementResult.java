package dev.loglake.lake.trino;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a statement returned, fully read.
 *
 * @param rowsWritten the update count of a write (CTAS, INSERT), or the number of rows a query returned
 */
public record StatementResult(String queryId, long rowsWritten, List<List<Object>> rows) {
    public StatementResult {
        requireNonNull(queryId, "queryId is null");
        rows = List.copyOf(rows.stream()
                .map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList());
    }

    /** The single value of a one-row, one-column result, such as a count. */
    public long singleLong() {
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one value, got " + rows);
        }
        Object value = rows.get(0).get(0);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
