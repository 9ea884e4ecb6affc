package dev.loglake.reports.render;

import static dev.loglake.reports.render.Html.escape;

import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.SiteRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-site breakdown of a report, in each of its forms: a table of the page and of report.md, sites.csv and
 * the "sites" list of kpis.json. Every site's visitors and p95 are its own, so the page says that they do not add
 * up to the headline's, which counts a visitor of two sites once.
 */
final class SiteBreakdown {
    static final String NOTE =
            "Visitors and p95 are each site's own: a visitor of two sites counts in both, so they do not add up to the"
                    + " headline figures.";
    private static final List<String> HEADER =
            List.of("site", "requests", "visitors", "page_views", "client_error_rate", "server_error_rate", "p95_ms");

    private SiteBreakdown() {}

    static void html(StringBuilder html, ReportModel model) {
        html.append("<h2>By site</h2><table><thead><tr><th>Site</th><th class=\"num\">Requests</th>")
                .append("<th class=\"num\">Visitors</th><th class=\"num\">Page views</th>")
                .append("<th class=\"num\">4xx rate</th><th class=\"num\">5xx rate</th>")
                .append("<th class=\"num\">p95</th></tr></thead><tbody>");
        for (SiteRow row : model.sites()) {
            html.append("<tr><td class=\"name\">").append(escape(row.site())).append("</td>");
            for (String cell : displayed(row).subList(1, HEADER.size())) {
                html.append("<td class=\"num\">").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><p class=\"meta\">").append(escape(NOTE)).append(" Figures in sites.csv.</p>\n");
    }

    static void markdown(StringBuilder md, ReportModel model) {
        md.append("\n## By site\n\n| Site | Requests | Visitors | Page views | 4xx rate | 5xx rate | p95 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (SiteRow row : model.sites()) {
            md.append("|");
            for (String cell : displayed(row)) {
                md.append(' ').append(MarkdownReport.escape(cell)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(MarkdownReport.escape(NOTE)).append('\n');
    }

    static Csv csv(ReportModel model) {
        List<List<String>> rows = model.sites().stream()
                .map(row -> List.of(
                        row.site(),
                        Long.toString(row.requests()),
                        Long.toString(row.visitors()),
                        Long.toString(row.pageViews()),
                        ReportTables.number(row.clientErrorRate()),
                        ReportTables.number(row.serverErrorRate()),
                        ReportTables.number(row.p95Ms())))
                .toList();
        return new Csv("sites.csv", HEADER, Set.copyOf(HEADER.subList(1, HEADER.size())), rows);
    }

    static List<Map<String, Object>> json(ReportModel model) {
        return model.sites().stream()
                .map(row -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("site", row.site());
                    map.put("requests", row.requests());
                    map.put("visitors", row.visitors());
                    map.put("page_views", row.pageViews());
                    map.put("client_error_rate", row.clientErrorRate());
                    map.put("server_error_rate", row.serverErrorRate());
                    map.put("p95_ms", row.p95Ms());
                    return map;
                })
                .toList();
    }

    /** The row as the page shows it: counts with thousands separators, rates in percent, p95 in ms. */
    private static List<String> displayed(SiteRow row) {
        return List.of(
                row.site(),
                String.format(Locale.ROOT, "%,d", row.requests()),
                String.format(Locale.ROOT, "%,d", row.visitors()),
                String.format(Locale.ROOT, "%,d", row.pageViews()),
                String.format(Locale.ROOT, "%.2f%%", row.clientErrorRate() * 100),
                String.format(Locale.ROOT, "%.2f%%", row.serverErrorRate() * 100),
                String.format(Locale.ROOT, "%.1f ms", row.p95Ms()));
    }
}
