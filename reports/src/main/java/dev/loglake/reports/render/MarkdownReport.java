package dev.loglake.reports.render;

import dev.loglake.reports.MissingDay;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.RankedRow;
import dev.loglake.reports.model.ReportModel;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** report.md: the same summary for chat and e-mail, with the top lists shortened to ten lines. */
public final class MarkdownReport {
    private static final int SHORT_LIST = 10;

    private MarkdownReport() {}

    public static String render(ReportModel model) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(model.title())).append("\n\n");
        md.append(escape(model.coverage().window().first() + " to "
                        + model.coverage().window().last()))
                .append(" (UTC), compared with ")
                .append(escape(model.previousCoverage().window().key()))
                .append(". Generated ")
                .append(escape(model.generatedAt().toString()))
                .append(". Figures of ")
                .append(escape(model.scope()))
                .append(".\n\n");
        missing(md, "This report", model.coverage().missingDays());
        missing(md, "The previous period", model.previousCoverage().missingDays());
        md.append("## Headline figures\n\n");
        kpiTable(md, model.kpis());
        if (!model.sites().isEmpty()) {
            SiteBreakdown.markdown(md, model);
        }
        BusinessSection.markdown(md, model);
        md.append("\n## Incidents\n\n");
        if (model.incidents().isEmpty()) {
            md.append("No hour broke away from the period's norm.\n");
        }
        for (Incident incident : model.incidents()) {
            md.append("- ")
                    .append(escape(incident.hour().label()))
                    .append(": ")
                    .append(escape(incident.describe()))
                    .append(" (")
                    .append(String.format(Locale.ROOT, "%,d", incident.hour().requests()))
                    .append(" requests)\n");
        }
        ranked(md, "Top pages", model.topPages());
        ranked(md, "Top referrers", model.topReferrers());
        md.append("\n## Audience mix\n\n");
        for (String dimension : model.dimensions()) {
            md.append("- ").append(escape(dimension)).append(": ");
            md.append(model.audienceMix().stream()
                    .filter(row -> row.dimension().equals(dimension))
                    .limit(5)
                    .map(row -> escape(row.value()) + String.format(Locale.ROOT, " %.1f%%", row.share() * 100))
                    .collect(Collectors.joining(", ")));
            md.append('\n');
        }
        md.append("\n").append(escape(model.incidentRule().describe())).append('\n');
        md.append("\nEvery figure is in kpis.json and the CSV files beside this file.\n");
        return md.toString();
    }

    /** KPIs as a table: value, change and previous value. */
    static void kpiTable(StringBuilder md, List<Kpi> kpis) {
        md.append("| KPI | Value | Change | Previous |\n|---|---:|---:|---:|\n");
        for (Kpi kpi : kpis) {
            md.append("| ")
                    .append(escape(kpi.label()))
                    .append(" | ")
                    .append(escape(kpi.display()))
                    .append(" | ")
                    .append(escape(kpi.changeDisplay()))
                    .append(" | ")
                    .append(escape(kpi.previousDisplay().orElse("n/a")))
                    .append(" |\n");
        }
    }

    private static void missing(StringBuilder md, String whose, List<MissingDay> days) {
        if (!days.isEmpty()) {
            md.append("**")
                    .append(escape(whose + " is missing " + days.size() + " day(s)"))
                    .append("**, left out of every figure: ")
                    .append(escape(MissingDay.describe(days)))
                    .append(".\n\n");
        }
    }

    private static void ranked(StringBuilder md, String title, List<RankedRow> rows) {
        md.append("\n## ").append(title).append("\n\n");
        if (rows.isEmpty()) {
            md.append("None in this period.\n");
            return;
        }
        md.append("| # | Name | Requests |\n|---:|---|---:|\n");
        for (RankedRow row : rows.subList(0, Math.min(SHORT_LIST, rows.size()))) {
            md.append("| ")
                    .append(row.rank())
                    .append(" | ")
                    .append(escape(row.name()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.requests()))
                    .append(" |\n");
        }
    }

    /**
     * Escapes text for Markdown: HTML-escaped (renderers pass HTML through), Markdown punctuation backslashed,
     * and line breaks flattened, so a path from the logs can neither break a table nor inject a link or markup.
     */
    static String escape(String text) {
        String html = Html.escape(text).replace('\n', ' ').replace('\t', ' ');
        StringBuilder escaped = new StringBuilder(html.length());
        for (char c : html.toCharArray()) {
            if ("\\`*_[]()|!~".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
