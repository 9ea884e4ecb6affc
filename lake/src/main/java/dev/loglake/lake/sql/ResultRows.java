package dev.loglake.lake.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC result as rows of column values, as the driver returns them: how the lake's Trino session, the bench's
 * comparisons with DuckDB and the integration tests read a query's answer.
 */
public final class ResultRows {
    private ResultRows() {}

    /** Reads every remaining row of {@code result}; the caller closes it. */
    public static List<List<Object>> of(ResultSet result) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int column = 1; column <= columns; column++) {
                row.add(result.getObject(column));
            }
            rows.add(row);
        }
        return rows;
    }
}
