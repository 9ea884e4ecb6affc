package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.DayRange;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of a table within a rerun's days that the rerun's overwrite did not write: they hold the rows of
 * an earlier load that the same input no longer produces, and are dropped after the overwrite.
 *
 * <p>Trino's Hive connector names every file a statement writes after the statement's query id, and an overwrite
 * removes a partition's files of other queries. So after the overwrite, a partition of the range that holds a file
 * of that query was written by it; every other partition the range held before is stale. Dropping a whole
 * partition by a filter on its partition column is a metadata delete: no data file is read.
 */
final class StalePartitions {
    private static final Logger log = LoggerFactory.getLogger(StalePartitions.class);

    private final TrinoSession job;
    private final String file;
    private final String table;
    private final String column;
    private final DayRange days;
    private final SortedSet<LocalDate> before;

    private StalePartitions(
            TrinoSession job, String file, String table, String column, DayRange days, SortedSet<LocalDate> before) {
        this.job = requireNonNull(job, "job is null");
        this.file = requireNonNull(file, "file is null");
        this.table = requireNonNull(table, "table is null");
        this.column = requireNonNull(column, "column is null");
        this.days = requireNonNull(days, "days is null");
        this.before = new TreeSet<>(before);
    }

    /** Reads the partitions the table holds within {@code days} before the overwrite (a metastore look-up). */
    static StalePartitions before(TrinoSession job, String file, String table, String column, DayRange days) {
        int dot = table.lastIndexOf('.');
        String partitions = table.substring(0, dot) + ".\"" + table.substring(dot + 1) + "$partitions\"";
        return new StalePartitions(job, file, table, column, days, dates(job, file, partitions, column, days, ""));
    }

    /** Drops the partitions that existed before and hold no file of the overwrite {@code queryId}. */
    void dropUnwrittenBy(String queryId) {
        if (before.isEmpty()) {
            return;
        }
        SortedSet<LocalDate> stale = new TreeSet<>(before);
        stale.removeAll(dates(
                job,
                file,
                table,
                column,
                days,
                " AND \"$path\" LIKE " + new SqlValue.Text("%/" + queryId + "%").render()));
        if (stale.isEmpty()) {
            return;
        }
        job.query(
                file,
                "DELETE FROM " + table + " WHERE " + column + " IN ("
                        + stale.stream()
                                .map(day -> new SqlValue.Date(day).render())
                                .collect(Collectors.joining(", "))
                        + ")");
        log.info(
                "{}: dropped partition(s) {}={} of an earlier load that this rerun's input no longer produces",
                file,
                column,
                DayRange.consecutive(stale));
    }

    private static SortedSet<LocalDate> dates(
            TrinoSession job, String file, String relation, String column, DayRange days, String andWhere) {
        List<List<Object>> rows = job.query(
                        file,
                        "SELECT DISTINCT CAST(" + column + " AS varchar) FROM " + relation + " WHERE " + column
                                + " BETWEEN " + new SqlValue.Date(days.from()).render() + " AND "
                                + new SqlValue.Date(days.to()).render() + andWhere)
                .rows();
        SortedSet<LocalDate> dates = new TreeSet<>();
        rows.forEach(row -> dates.add(LocalDate.parse((String) row.get(0))));
        return dates;
    }
}
