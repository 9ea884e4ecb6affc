package dev.loglake.reports.render;

import static dev.loglake.reports.render.Html.escape;

import dev.loglake.reports.MissingDay;
import dev.loglake.reports.Period;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.MixRow;
import dev.loglake.reports.model.RankedRow;
import dev.loglake.reports.model.ReportModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page. Styles are inline, charts are inline SVG, no font, script or image is
 * fetched and there is no JavaScript. Every value from the logs is escaped.
 */
public final class HtmlReport {
    private static final String STYLE =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
            main{max-width:980px;margin:0 auto;padding:24px}
            h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px}
            .meta{color:#5b6475;font-size:.9em}
            .missing{background:#fff4e5;border:1px solid #f0b400;padding:10px 14px;border-radius:6px;margin:14px 0}
            .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
            .kpi{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            .kpi .label{font-size:.8em;color:#5b6475}.kpi .value{font-size:1.35em;font-weight:600;margin:4px 0}
            .kpi .change{font-size:.8em;color:#5b6475}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:.9em}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e7ec;vertical-align:middle}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            td.name{word-break:break-all}
            .grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
            svg{width:100%;height:auto}.chart{background:#fff;border-radius:8px;padding:8px}
            svg .bar{fill:#3a6fd8}svg .alert{fill:#d64545}svg .track{fill:#e4e7ec}svg .axis{stroke:#9aa3b2}
            svg .tick{font-size:11px;fill:#5b6475}svg.share{width:120px;height:10px}
            .none{color:#5b6475;font-style:italic}footer{margin-top:32px;font-size:.8em;color:#5b6475}
            """;

    private HtmlReport() {}

    public static String render(ReportModel model) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // No request may leave the page: forbid every fetch except inline styles and data URIs.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                        + " style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>")
                .append(escape(model.title()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n");
        header(html, model);
        kpis(html, model);
        if (!model.sites().isEmpty()) {
            SiteBreakdown.html(html, model);
        }
        BusinessSection.html(html, model);
        traffic(html, model);
        incidents(html, model);
        html.append("<div class=\"grid2\"><section>");
        ranked(html, "Top pages", "Path", model.topPages());
        html.append("</section><section>");
        ranked(html, "Top referrers", "Referring host", model.topReferrers());
        html.append("</section></div>\n");
        mix(html, model);
        statuses(html, model);
        footer(html, model);
        return html.append("</main></body></html>\n").toString();
    }

    private static void header(StringBuilder html, ReportModel model) {
        html.append("<h1>").append(escape(model.title())).append("</h1>");
        html.append("<p class=\"meta\">")
                .append(escape(model.coverage().window().first() + " to "
                        + model.coverage().window().last()))
                .append(" (UTC), compared with the previous ")
                .append(escape(model.coverage().window().period().id()))
                .append(" (")
                .append(escape(model.previousCoverage().window().key()))
                .append("). Generated ")
                .append(escape(model.generatedAt().toString()))
                .append(". Figures of ")
                .append(escape(model.scope()))
                .append(".</p>\n");
        missing(
                html,
                "This report",
                model.coverage().missingDays(),
                model.coverage().window().dayCount());
        missing(
                html,
                "The previous " + model.previousCoverage().window().period().id(),
                model.previousCoverage().missingDays(),
                model.previousCoverage().window().dayCount());
    }

    private static void missing(StringBuilder html, String whose, List<MissingDay> days, int dayCount) {
        if (days.isEmpty()) {
            return;
        }
        html.append("<div class=\"missing\"><strong>")
                .append(escape(whose + " is missing " + days.size() + " of " + dayCount + " day(s)"))
                .append("</strong>, left out of every figure: ")
                .append(escape(MissingDay.describe(days)))
                .append(".</div>\n");
    }

    private static void kpis(StringBuilder html, ReportModel model) {
        html.append("<h2>Headline figures</h2><div class=\"kpis\">");
        model.kpis().forEach(kpi -> kpiCard(html, kpi));
        html.append("</div>\n");
    }

    /** One KPI as a card: its label, value and change against the previous period. */
    static void kpiCard(StringBuilder html, Kpi kpi) {
        html.append("<div class=\"kpi\" id=\"kpi-")
                .append(escape(kpi.id()))
                .append("\"><div class=\"label\">")
                .append(escape(kpi.label()))
                .append("</div><div class=\"value\">")
                .append(escape(kpi.display()))
                .append("</div><div class=\"change\">")
                .append(escape(kpi.changeDisplay()))
                .append(kpi.previousDisplay()
                        .map(previous -> " (was " + escape(previous) + ")")
                        .orElse(" (no previous figure)"))
                .append("</div></div>");
    }

    private static void traffic(StringBuilder html, ReportModel model) {
        boolean hourly = model.coverage().window().period() == Period.DAY;
        String title = hourly ? "Requests by hour (UTC)" : "Requests by day";
        html.append("<h2>").append(title).append("</h2><div class=\"chart\">");
        html.append(Svg.barChart(
                title,
                model.traffic().stream()
                        .map(point -> new Svg.Bar(point.label(), point.requests(), point.incident()))
                        .toList(),
                "requests"));
        html.append("</div><p class=\"meta\">Red bars: ")
                .append(hourly ? "hours" : "days with an hour")
                .append(" flagged in the incidents below. Figures in traffic.csv.</p>\n");
    }

    private static void incidents(StringBuilder html, ReportModel model) {
        html.append("<h2>Incidents</h2>");
        if (model.incidents().isEmpty()) {
            html.append("<p class=\"none\">No hour broke away from the period's norm.</p>\n");
            return;
        }
        html.append("<table id=\"incidents\"><tr><th>Hour</th><th>What</th><th class=\"num\">Observed</th>"
                + "<th class=\"num\">Norm (median hour)</th><th class=\"num\">Requests</th></tr>");
        for (Incident incident : model.incidents()) {
            html.append("<tr><td>")
                    .append(escape(incident.hour().label()))
                    .append("</td><td>")
                    .append(escape(incident.kind().label()))
                    .append("</td><td class=\"num\">")
                    .append(escape(incident.kind().unit().format(incident.observed())))
                    .append("</td><td class=\"num\">")
                    .append(escape(incident.kind().unit().format(incident.norm())))
                    .append("</td><td class=\"num\">")
                    .append(escape(
                            String.format(Locale.ROOT, "%,d", incident.hour().requests())))
                    .append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void ranked(StringBuilder html, String title, String nameHeader, List<RankedRow> rows) {
        html.append("<h2>").append(escape(title)).append("</h2>");
        if (rows.isEmpty()) {
            html.append("<p class=\"none\">None in this period.</p>");
            return;
        }
        html.append("<table><tr><th class=\"num\">#</th><th>")
                .append(escape(nameHeader))
                .append("</th><th class=\"num\">Requests</th></tr>");
        for (RankedRow row : rows) {
            html.append("<tr><td class=\"num\">")
                    .append(row.rank())
                    .append("</td><td class=\"name\">")
                    .append(escape(row.name()))
                    .append("</td><td class=\"num\">")
                    .append(escape(String.format(Locale.ROOT, "%,d", row.requests())))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void mix(StringBuilder html, ReportModel model) {
        html.append("<h2>Audience mix (share of requests)</h2><div class=\"grid2\">");
        for (String dimension : model.dimensions()) {
            html.append("<section><table><tr><th>")
                    .append(escape(capitalize(dimension)))
                    .append("</th><th class=\"num\">Requests</th><th class=\"num\">Share</th><th></th></tr>");
            for (MixRow row : model.audienceMix()) {
                if (!row.dimension().equals(dimension)) {
                    continue;
                }
                html.append("<tr><td class=\"name\">")
                        .append(escape(row.value()))
                        .append("</td><td class=\"num\">")
                        .append(escape(String.format(Locale.ROOT, "%,d", row.requests())))
                        .append("</td><td class=\"num\">")
                        .append(escape(String.format(Locale.ROOT, "%.1f%%", row.share() * 100)))
                        .append("</td><td>")
                        .append(Svg.shareBar(row.share()))
                        .append("</td></tr>");
            }
            html.append("</table></section>");
        }
        html.append("</div>\n");
    }

    private static void statuses(StringBuilder html, ReportModel model) {
        html.append("<h2>Responses by status code</h2><table><tr><th>Status</th><th class=\"num\">Requests</th></tr>");
        for (Map.Entry<Integer, Long> entry : model.statusCounts().entrySet()) {
            html.append("<tr><td>")
                    .append(entry.getKey())
                    .append("</td><td class=\"num\">")
                    .append(escape(String.format(Locale.ROOT, "%,d", entry.getValue())))
                    .append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void footer(StringBuilder html, ReportModel model) {
        html.append("<footer><p>")
                .append(escape(model.incidentRule().describe()))
                .append("</p><p>Only days the transforms marked complete are read. Visitors are distinct (client IP,"
                        + " user agent) pairs; sessions, page views and bounce rate count people, not bots."
                        + " Percentiles are approximate. Changes: relative for counts, bytes and times; in"
                        + " percentage points (pt) for rates. Every figure is also in kpis.json and the CSV files"
                        + " beside this page.</p></footer>\n");
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
