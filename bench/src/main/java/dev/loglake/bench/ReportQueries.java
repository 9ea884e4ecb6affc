package dev.loglake.bench;

import dev.loglake.lake.LakeSchemas;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The queries of a week's executive summary, as {@code loglake report --period week} runs them: the files of
 * sql/reports, rendered for the week (and the week before, for the changes) and the complete days of the moment.
 * The bench and the load test send exactly what the report sends, so their figures are the report's, additive
 * where the report is (no sum of distinct visitors, no maximum of percentiles).
 *
 * <p>Reports read only complete days. They are looked up first and the report queries name them as literals, so
 * that Trino prunes the partitions when it plans: with the lookup as a subquery, Trino listed the files of a day
 * that a transform was rewriting and failed when they were deleted under it ("Error opening Hive split",
 * measured by {@code loglake bench}).
 */
public final class ReportQueries {
    /** The report's default: top pages, referrers and audience values it shows. */
    private static final int TOP_N = 10;

    private ReportQueries() {}

    /** The complete event days of the lake whose ledger schema is {@code ledger} (qualified with its catalog). */
    public static String completeDays(String ledger) {
        // The one definition of a complete day: the ledger's view (sql/ledger/latest_day_status.sql).
        return "SELECT CAST(dt AS varchar) FROM " + ledger + ".latest_day_status WHERE kind = 'event' AND is_complete";
    }

    /** The queries of the week that ends on {@code lastDay}, for the complete days given when they run. */
    public static Function<List<LocalDate>, List<String>> forWeek(LakeSchemas schemas, LocalDate lastDay) {
        LocalDate currentFrom = lastDay.minusDays(6);
        LocalDate previousFrom = currentFrom.minusDays(7);
        return completeDays -> dev.loglake.reports.query.ReportQueries.statements(
                schemas,
                currentFrom,
                completeDays.stream()
                        .filter(day -> !day.isBefore(previousFrom) && !day.isAfter(lastDay))
                        .toList(),
                TOP_N);
    }
}
