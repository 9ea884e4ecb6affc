package dev.loglake.reports.query;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import dev.loglake.reports.model.BusinessFigures;
import dev.loglake.reports.model.ChannelRow;
import dev.loglake.reports.model.HourTraffic;
import dev.loglake.reports.model.MixRow;
import dev.loglake.reports.model.PeriodFigures;
import dev.loglake.reports.model.RankedRow;
import dev.loglake.reports.model.SiteRow;
import dev.loglake.reports.model.TrafficPoint;
import dev.loglake.reports.period.LedgerDay;
import dev.loglake.reports.period.PeriodWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the files of sql/reports/ and maps their rows to the report's model. Every query but {@link #ledgerDays}
 * reads exactly the complete days it is given, so that one report's figures all cover the same days, and the one
 * site it is given (all sites when none).
 */
public final class ReportQueries {
    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final Optional<String> site;

    /** @param site the site whose figures the queries read; empty for all sites */
    public ReportQueries(TrinoSession trino, LakeSchemas schemas, Optional<String> site) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.site = requireNonNull(site, "site is null");
    }

    /** The queries over all sites. */
    public ReportQueries(TrinoSession trino, LakeSchemas schemas) {
        this(trino, schemas, Optional.empty());
    }

    /** Whether the transforms ever ran on this lake: they create the ledger's day_status table. */
    public boolean ledgerExists() {
        return tablesPresent().ledger();
    }

    /**
     * Whether the lake has business data: the transforms build the conversions mart only while Trino has the shop's
     * catalog (marts/conversions.sql, {@code @requires_catalog}).
     */
    public boolean conversionsExist() {
        return tablesPresent().conversions();
    }

    /**
     * Which of the tables a report depends on exist: the ledger's day_status ({@link #ledgerExists}) and the
     * conversions mart ({@link #conversionsExist}), in one query (a report asks both before it reads, one after the
     * other: each question is a statement's fixed cost).
     */
    public TablesPresent tablesPresent() {
        String ledger = schemas.ledger().name() + ".day_status";
        String conversions = schemas.marts().name() + ".conversions";
        List<Object> found = trino
                .query(
                        "ledger/day_status.sql",
                        "SELECT table_schema || '.' || table_name FROM "
                                + schemas.catalog().render()
                                + ".information_schema.tables WHERE table_schema IN ("
                                + new SqlValue.Text(schemas.ledger().name()).render() + ", "
                                + new SqlValue.Text(schemas.marts().name()).render() + ") AND table_name IN"
                                + " ('day_status', 'conversions')")
                .rows()
                .stream()
                .map(row -> row.get(0))
                .toList();
        return new TablesPresent(found.contains(ledger), found.contains(conversions));
    }

    /**
     * @param ledger whether the ledger's day_status table exists
     * @param conversions whether the conversions mart exists
     */
    public record TablesPresent(boolean ledger, boolean conversions) {}

    /** What the ledger says of each day of [first, last] that it knows, by day. */
    public List<LedgerDay> ledgerDays(LocalDate first, LocalDate last) {
        List<LedgerDay> days = new ArrayList<>();
        for (List<Object> row : run("period_days", range(first, last))) {
            days.add(new LedgerDay(
                    date(row.get(0)),
                    (String) row.get(1),
                    (String) row.get(2),
                    (String) row.get(3),
                    Boolean.TRUE.equals(row.get(4))));
        }
        return days;
    }

    /** The latest status of each of {@code days}, by day. */
    public static Map<LocalDate, String> statuses(List<LedgerDay> days) {
        Map<LocalDate, String> statuses = new TreeMap<>();
        days.forEach(day -> statuses.put(day.dt(), day.status()));
        return statuses;
    }

    /**
     * The figures of the current window ('current') and, when it has complete days, the previous one's
     * ('previous'): {@code days} are the complete days of both.
     */
    public Map<String, PeriodFigures> figures(PeriodWindow current, List<LocalDate> days) {
        Map<String, SqlValue> values = completeDays(days);
        values.put("current_from", new SqlValue.Date(current.first()));
        Map<String, PeriodFigures> figures = new LinkedHashMap<>();
        for (List<Object> row : run("kpis", values)) {
            figures.put(
                    (String) row.get(0),
                    new PeriodFigures(
                            count(row.get(1)),
                            count(row.get(2)),
                            count(row.get(3)),
                            count(row.get(4)),
                            count(row.get(5)),
                            count(row.get(6)),
                            count(row.get(7)),
                            count(row.get(8)),
                            count(row.get(9)),
                            count(row.get(10)),
                            millis(row.get(11)),
                            millis(row.get(12)),
                            millis(row.get(13))));
        }
        return figures;
    }

    /**
     * The shop's sums per period ('current', 'previous': each present when its complete days, of {@code days}, have
     * visits in the conversions mart) and the current period's channels, most revenue first, in one scan.
     */
    public BusinessRows business(PeriodWindow current, List<LocalDate> days) {
        Map<String, SqlValue> values = completeDays(days);
        values.put("current_from", new SqlValue.Date(current.first()));
        Map<String, BusinessFigures> periods = new LinkedHashMap<>();
        List<ChannelRow> channels = new ArrayList<>();
        for (List<Object> row : run("business", values)) {
            String period = (String) row.get(0);
            BusinessFigures figures = businessFigures(row, 2);
            if (row.get(1) == null) {
                periods.put(period, figures);
            } else if (period.equals("current")) {
                channels.add(new ChannelRow((String) row.get(1), figures));
            }
        }
        return new BusinessRows(periods, channels);
    }

    /** What {@link #business} reads: the sums of each period, by period, and the current period's channels. */
    public record BusinessRows(Map<String, BusinessFigures> periods, List<ChannelRow> channels) {
        public BusinessRows {
            periods = Map.copyOf(periods);
            channels = List.copyOf(channels);
        }

        public static final BusinessRows NONE = new BusinessRows(Map.of(), List.of());
    }

    private static BusinessFigures businessFigures(List<Object> row, int first) {
        return new BusinessFigures(
                count(row.get(first)), count(row.get(first + 1)), count(row.get(first + 2)), count(row.get(first + 3)));
    }

    public List<HourTraffic> hours(List<LocalDate> days) {
        List<HourTraffic> hours = new ArrayList<>();
        for (List<Object> row : run("traffic_by_hour", completeDays(days))) {
            hours.add(new HourTraffic(
                    date(row.get(0)),
                    (int) count(row.get(1)),
                    count(row.get(2)),
                    count(row.get(3)),
                    count(row.get(4)),
                    count(row.get(5)),
                    millis(row.get(6))));
        }
        return hours;
    }

    public List<TrafficPoint> trafficByDay(List<LocalDate> days) {
        List<TrafficPoint> points = new ArrayList<>();
        for (List<Object> row : run("traffic_by_day", completeDays(days))) {
            points.add(new TrafficPoint(
                    date(row.get(0)).toString(),
                    count(row.get(1)),
                    count(row.get(2)),
                    count(row.get(4)),
                    millis(row.get(6)),
                    false));
        }
        return points;
    }

    public List<RankedRow> topPages(List<LocalDate> days, int topN) {
        return ranked("top_pages", days, topN);
    }

    public List<RankedRow> topReferrers(List<LocalDate> days, int topN) {
        return ranked("top_referrers", days, topN);
    }

    public List<MixRow> audienceMix(List<LocalDate> days, int topN) {
        Map<String, SqlValue> values = completeDays(days);
        values.put("top_n", new SqlValue.Integer(topN));
        List<MixRow> rows = new ArrayList<>();
        for (List<Object> row : run("audience_mix", values)) {
            rows.add(new MixRow(
                    (String) row.get(0),
                    (int) count(row.get(1)),
                    (String) row.get(2),
                    count(row.get(3)),
                    ((Number) row.get(4)).doubleValue()));
        }
        return rows;
    }

    /** The per-site breakdown of the complete days, largest site first. */
    public List<SiteRow> sites(List<LocalDate> days) {
        List<SiteRow> sites = new ArrayList<>();
        for (List<Object> row : run("sites", completeDays(days))) {
            sites.add(new SiteRow(
                    (String) row.get(0),
                    count(row.get(1)),
                    count(row.get(2)),
                    count(row.get(3)),
                    count(row.get(4)),
                    count(row.get(5)),
                    millis(row.get(6))));
        }
        return sites;
    }

    /** Every site the lake holds figures of, on any day, by name. */
    public List<String> lakeSites() {
        return run("lake_sites", new LinkedHashMap<>()).stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    public SortedMap<Integer, Long> statusCounts(List<LocalDate> days) {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        for (List<Object> row : run("status_codes", completeDays(days))) {
            counts.put((int) count(row.get(0)), count(row.get(1)));
        }
        return counts;
    }

    private List<RankedRow> ranked(String query, List<LocalDate> days, int topN) {
        Map<String, SqlValue> values = completeDays(days);
        values.put("top_n", new SqlValue.Integer(topN));
        List<RankedRow> rows = new ArrayList<>();
        for (List<Object> row : run(query, values)) {
            rows.add(new RankedRow((int) count(row.get(0)), String.valueOf(row.get(1)), count(row.get(2))));
        }
        return rows;
    }

    private List<List<Object>> run(String query, Map<String, SqlValue> values) {
        String file = "reports/" + query + ".sql";
        return trino.query(file, render(ModelCatalog.lake().model(file), schemas, values))
                .rows();
    }

    /**
     * Every statement a report of a period runs over its complete days (all of sql/reports but period_days, which
     * finds those days, and lake_sites, read only to refuse an unknown site), over all sites, rendered: what a load
     * test sends to measure the report as users meet it. Without the queries of marts that join another catalog
     * (the shop's conversions): a lake without business data has no such table, and its report does not read it.
     *
     * @param currentFrom the first day of the current period; the complete days before it are the previous one's
     */
    public static List<String> statements(
            LakeSchemas schemas, LocalDate currentFrom, List<LocalDate> completeDays, int topN) {
        Map<String, SqlValue> values = completeDays(completeDays, Optional.empty());
        values.put("current_from", new SqlValue.Date(currentFrom));
        values.put("top_n", new SqlValue.Integer(topN));
        ModelCatalog catalog = ModelCatalog.lake();
        return catalog.all(ModelKind.QUERY, "reports").stream()
                .filter(query -> !query.relation().equals("period_days")
                        && !query.relation().equals("lake_sites"))
                .filter(query -> !readsOtherCatalog(catalog, query))
                .map(query -> render(query, schemas, values))
                .toList();
    }

    /** Whether the query reads a model that joins a catalog besides the lake's. */
    private static boolean readsOtherCatalog(ModelCatalog catalog, Model query) {
        return catalog.all(ModelKind.MODEL, "marts").stream()
                .anyMatch(mart -> mart.readsOtherCatalog() && query.reads().contains(mart.relation()));
    }

    private static String render(Model query, LakeSchemas schemas, Map<String, SqlValue> values) {
        SqlFile file = query.sql();
        Map<String, SqlValue> parameters = new LinkedHashMap<>(values);
        parameters.put("catalog", schemas.catalog());
        parameters.put("marts_schema", schemas.marts());
        parameters.put("ledger_schema", schemas.ledger());
        parameters.keySet().retainAll(file.parameters());
        return file.render(parameters);
    }

    private static Map<String, SqlValue> range(LocalDate first, LocalDate last) {
        Map<String, SqlValue> values = new LinkedHashMap<>();
        values.put("from_date", new SqlValue.Date(first));
        values.put("to_date", new SqlValue.Date(last));
        return values;
    }

    private Map<String, SqlValue> completeDays(List<LocalDate> days) {
        return completeDays(days, site);
    }

    private static Map<String, SqlValue> completeDays(List<LocalDate> days, Optional<String> site) {
        Map<String, SqlValue> values = new LinkedHashMap<>();
        values.put("complete_days", SqlValue.Dates.of(days));
        values.put("site", new SqlValue.OptionalText(site));
        return values;
    }

    private static LocalDate date(Object value) {
        return ((java.sql.Date) value).toLocalDate();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A percentile; null when no request of the period logged a response time. */
    private static double millis(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
