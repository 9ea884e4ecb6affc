package dev.loglake.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loglake.reports.MissingDay;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.Unit;
import dev.loglake.reports.period.DayCoverage;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kpis.json: every KPI with its value, previous value, change and the text the page shows, plus the period,
 * its missing days, the status mix, the top pages and the incidents. Counts are written as integers.
 */
public final class KpisJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KpisJson() {}

    public static String render(ReportModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", model.coverage().window().period().id());
        root.put("key", model.coverage().window().key());
        root.put("label", model.coverage().window().label());
        root.put("generated_at", model.generatedAt().toString());
        root.put("site", model.site().orElse(null));
        root.putAll(coverage(model.coverage()));
        root.put("previous_period", previous(model.previousCoverage()));
        Map<String, Object> kpis = new LinkedHashMap<>();
        model.allKpis().forEach(kpi -> kpis.put(kpi.id(), kpi(kpi)));
        root.put("kpis", kpis);
        root.put("business", BusinessSection.json(model));
        root.put("sites", SiteBreakdown.json(model));
        Map<String, Long> statuses = new LinkedHashMap<>();
        model.statusCounts().forEach((status, count) -> statuses.put(status.toString(), count));
        root.put("status_counts", statuses);
        root.put(
                "top_pages",
                model.topPages().stream()
                        .map(row -> Map.of("rank", row.rank(), "path", row.name(), "requests", row.requests()))
                        .toList());
        root.put("incidents", model.incidents().stream().map(KpisJson::incident).toList());
        root.put("incident_rule", model.incidentRule().describe());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> coverage(DayCoverage coverage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("first_day", coverage.window().first().toString());
        map.put("last_day", coverage.window().last().toString());
        map.put(
                "complete_days",
                coverage.completeDays().stream().map(Object::toString).toList());
        map.put("missing_days", missing(coverage.missingDays()));
        return map;
    }

    private static Map<String, Object> previous(DayCoverage coverage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", coverage.window().key());
        map.putAll(coverage(coverage));
        return map;
    }

    private static List<Map<String, String>> missing(List<MissingDay> days) {
        return days.stream()
                .map(day -> Map.of("day", day.day().toString(), "reason", day.reason()))
                .toList();
    }

    private static Map<String, Object> kpi(Kpi kpi) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", kpi.label());
        map.put("unit", kpi.unit().name().toLowerCase(Locale.ROOT));
        map.put("value", value(kpi.unit(), kpi.value()));
        map.put(
                "previous",
                kpi.previous().isPresent() ? value(kpi.unit(), kpi.previous().getAsDouble()) : null);
        map.put("change", kpi.change().isPresent() ? kpi.change().getAsDouble() : null);
        map.put("change_kind", kpi.unit() == Unit.RATIO ? "difference" : "relative");
        map.put("display", kpi.display());
        map.put("previous_display", kpi.previousDisplay().orElse(null));
        map.put("change_display", kpi.changeDisplay());
        return map;
    }

    private static Object value(Unit unit, double value) {
        return unit == Unit.COUNT || unit == Unit.BYTES ? (Object) Math.round(value) : (Object) value;
    }

    private static Map<String, Object> incident(Incident incident) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("day", incident.hour().day().toString());
        map.put("hour_utc", incident.hour().hour());
        map.put("kind", incident.kind().name().toLowerCase(Locale.ROOT));
        map.put("observed", incident.observed());
        map.put("norm", incident.norm());
        map.put("requests", incident.hour().requests());
        map.put("description", incident.describe());
        return map;
    }
}
