package dev.loglake.reports.render;

import dev.loglake.reports.MissingDay;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.MixRow;
import dev.loglake.reports.model.RankedRow;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.TrafficPoint;
import dev.loglake.reports.model.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every table and chart of the report as a CSV file, so that no figure exists only as pixels. */
public final class ReportTables {
    private ReportTables() {}

    /**
     * The tables; sites.csv only when the report has a per-site breakdown, revenue_by_channel.csv only when it has
     * business data.
     */
    public static List<Csv> of(ReportModel model) {
        List<Csv> tables = new ArrayList<>(List.of(
                kpis(model),
                days(model),
                traffic(model),
                ranked("top_pages.csv", "path", model.topPages()),
                ranked("top_referrers.csv", "referrer_host", model.topReferrers()),
                mix(model),
                statusCodes(model),
                incidents(model)));
        if (!model.sites().isEmpty()) {
            tables.add(SiteBreakdown.csv(model));
        }
        BusinessSection.csv(model).ifPresent(tables::add);
        return List.copyOf(tables);
    }

    private static Csv kpis(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (Kpi kpi : model.allKpis()) {
            rows.add(List.of(
                    kpi.id(),
                    kpi.label(),
                    number(kpi.value()),
                    kpi.previous().isPresent() ? number(kpi.previous().getAsDouble()) : "",
                    kpi.change().isPresent() ? number(kpi.change().getAsDouble()) : "",
                    kpi.unit() == Unit.RATIO ? "percentage points / 100" : "relative"));
        }
        return new Csv(
                "kpis.csv",
                List.of("kpi", "label", "value", "previous", "change", "change_kind"),
                Set.of("value", "previous", "change"),
                rows);
    }

    private static Csv days(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day : model.coverage().window().days()) {
            String status = model.coverage().missingDays().stream()
                    .filter(missing -> missing.day().equals(day))
                    .map(MissingDay::reason)
                    .findFirst()
                    .orElse("complete");
            rows.add(List.of(day.toString(), status));
        }
        return new Csv("days.csv", List.of("day", "status"), rows);
    }

    private static Csv traffic(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (TrafficPoint point : model.traffic()) {
            rows.add(List.of(
                    point.label(),
                    Long.toString(point.requests()),
                    Long.toString(point.pageViews()),
                    Long.toString(point.serverErrors()),
                    number(point.p95Ms()),
                    Boolean.toString(point.incident())));
        }
        String bucket = model.coverage().window().period() == dev.loglake.reports.Period.DAY ? "hour_utc" : "day";
        return new Csv(
                "traffic.csv",
                List.of(bucket, "requests", "page_views", "server_errors_5xx", "p95_ms", "incident"),
                Set.of("requests", "page_views", "server_errors_5xx", "p95_ms"),
                rows);
    }

    private static Csv ranked(String fileName, String name, List<RankedRow> ranked) {
        List<List<String>> rows = ranked.stream()
                .map(row -> List.of(Integer.toString(row.rank()), row.name(), Long.toString(row.requests())))
                .toList();
        return new Csv(fileName, List.of("rank", name, "requests"), Set.of("rank", "requests"), rows);
    }

    private static Csv mix(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (MixRow row : model.audienceMix()) {
            rows.add(List.of(
                    row.dimension(),
                    Integer.toString(row.rank()),
                    row.value(),
                    Long.toString(row.requests()),
                    number(row.share())));
        }
        return new Csv(
                "audience_mix.csv",
                List.of("dimension", "rank", "value", "requests", "share"),
                Set.of("rank", "requests", "share"),
                rows);
    }

    private static Csv statusCodes(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : model.statusCounts().entrySet()) {
            rows.add(List.of(entry.getKey().toString(), entry.getValue().toString()));
        }
        return new Csv("status_codes.csv", List.of("status", "requests"), Set.of("status", "requests"), rows);
    }

    private static Csv incidents(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (Incident incident : model.incidents()) {
            rows.add(List.of(
                    incident.hour().day().toString(),
                    Integer.toString(incident.hour().hour()),
                    incident.kind().name().toLowerCase(Locale.ROOT),
                    number(incident.observed()),
                    number(incident.norm()),
                    Long.toString(incident.hour().requests())));
        }
        return new Csv(
                "incidents.csv",
                List.of("day", "hour_utc", "kind", "observed", "norm", "requests"),
                Set.of("hour_utc", "observed", "norm", "requests"),
                rows);
    }

    /** A plain, locale-free number: integers without a decimal point. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
