package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.StatementResult;
import dev.loglake.lake.trino.TrinoSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The data checks that run after each load; a check that does not hold fails the run, saying which. */
final class Checks {
    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final int latenessDays;

    Checks(TrinoSession trino, LakeSchemas schemas, int latenessDays) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.latenessDays = latenessDays;
    }

    /** Every raw line of the arrival days is either a parsed row or a quarantined row, never lost. */
    void linesConserved(DayRange arrival) {
        String between = " BETWEEN " + date(arrival.from()) + " AND " + date(arrival.to());
        Map<LocalDate, Long> raw = countByDay("SELECT CAST(dt AS date), count(*) FROM "
                + schemas.table(schemas.raw(), "access_log_lines") + " WHERE dt BETWEEN "
                + "CAST(" + date(arrival.from()) + " AS varchar) AND CAST(" + date(arrival.to())
                + " AS varchar) GROUP BY 1");
        Map<LocalDate, Long> parsed =
                countByDay("SELECT arrival_dt, count(*) FROM " + schemas.table(schemas.staging(), "parsed_lines")
                        + " WHERE error IS NULL AND arrival_dt" + between + " GROUP BY 1");
        Map<LocalDate, Long> quarantined = countByDay("SELECT arrival_dt, count(*) FROM "
                + schemas.table(schemas.staging(), "quarantine") + " WHERE arrival_dt" + between + " GROUP BY 1");
        List<String> problems = new ArrayList<>();
        for (LocalDate day : arrival.dates()) {
            long lines = raw.getOrDefault(day, 0L);
            long accounted = parsed.getOrDefault(day, 0L) + quarantined.getOrDefault(day, 0L);
            if (lines != accounted) {
                problems.add(String.format(
                        "%s: %d raw lines but %d parsed + %d quarantined",
                        day, lines, parsed.getOrDefault(day, 0L), quarantined.getOrDefault(day, 0L)));
            }
        }
        fail("raw lines = parsed rows + quarantined rows", problems);
    }

    /** Each event day of the fact table holds its staged requests exactly once: none lost, none doubled. */
    void factMatchesStaging(DayRange events) {
        Map<LocalDate, Long> fact =
                countByDay("SELECT dt, count(*) FROM " + schemas.table(schemas.marts(), "fact_requests")
                        + " WHERE dt BETWEEN " + date(events.from()) + " AND " + date(events.to()) + " GROUP BY 1");
        Map<LocalDate, Long> staged = countByDay("SELECT event_dt, count(*) FROM "
                + schemas.table(schemas.staging(), "parsed_lines")
                + " WHERE error IS NULL AND event_dt BETWEEN " + date(events.from()) + " AND " + date(events.to())
                + " AND arrival_dt BETWEEN " + date(events.from()) + " AND "
                + date(events.to().plusDays(latenessDays)) + " GROUP BY 1");
        List<String> problems = new ArrayList<>();
        for (LocalDate day : events.dates()) {
            long inFact = fact.getOrDefault(day, 0L);
            long inStaging = staged.getOrDefault(day, 0L);
            if (inFact != inStaging) {
                problems.add(String.format(
                        "%s: %d requests in the fact table but %d staged (%s)",
                        day, inFact, inStaging, inFact > inStaging ? "duplicates" : "missing rows"));
            } else if (inStaging > 0 && !partitionExists(day)) {
                problems.add(day + ": no fact_requests partition");
            }
        }
        fail("no duplicate or missing requests, a partition for every day", problems);
    }

    /** The fact table's key columns are never null. */
    void keyColumnsNotNull(DayRange events) {
        StatementResult result = trino.query(
                "checks",
                "SELECT count_if(event_time IS NULL), count_if(client_ip IS NULL), count_if(method IS NULL),"
                        + " count_if(path IS NULL), count_if(status IS NULL), count_if(response_bytes IS NULL) FROM "
                        + schemas.table(schemas.marts(), "fact_requests") + " WHERE dt BETWEEN " + date(events.from())
                        + " AND " + date(events.to()));
        List<Object> counts = result.rows().get(0);
        String[] columns = {"event_time", "client_ip", "method", "path", "status", "response_bytes"};
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            long nulls = ((Number) counts.get(i)).longValue();
            if (nulls > 0) {
                problems.add(nulls + " rows with a null " + columns[i]);
            }
        }
        fail("no nulls in key columns of fact_requests for " + events, problems);
    }

    private boolean partitionExists(LocalDate day) {
        return trino.query(
                                "checks",
                                "SELECT count(*) FROM " + schemas.table(schemas.marts(), "\"fact_requests$partitions\"")
                                        + " WHERE dt = " + date(day))
                        .singleLong()
                > 0;
    }

    private Map<LocalDate, Long> countByDay(String sql) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (List<Object> row : trino.query("checks", sql).rows()) {
            counts.put(((java.sql.Date) row.get(0)).toLocalDate(), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    private static void fail(String check, List<String> problems) {
        if (!problems.isEmpty()) {
            throw LoglakeException.external(
                    "Check failed: %s.%n  %s%nThe affected days are marked failed; reports will not show them. Rerun "
                            + "'loglake transform' for those days once the cause is fixed.",
                    check, String.join(System.lineSeparator() + "  ", problems));
        }
    }

    private static String date(LocalDate day) {
        return new SqlValue.Date(day).render();
    }
}
