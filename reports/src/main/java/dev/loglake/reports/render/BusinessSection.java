package dev.loglake.reports.render;

import static dev.loglake.reports.render.Html.escape;

import dev.loglake.reports.model.Business;
import dev.loglake.reports.model.BusinessFigures;
import dev.loglake.reports.model.ChannelRow;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The shop's part of a report, in each of its forms: the revenue, orders, conversion rate and average order value
 * with their change, and the period's revenue by channel, on the page, in report.md, revenue_by_channel.csv and
 * kpis.json; or, for a lake without business data, the sentence that says so ({@link Business#NOT_CONNECTED}).
 */
final class BusinessSection {
    static final String TITLE = "Revenue and conversion";
    static final String NOTE = "A visit is a session with a page view; it converts when it reaches the order"
            + " confirmation page of an order in the shop's database. Its channel comes from its landing request:"
            + " paid (utm_medium), direct, organic search, social or referral.";
    private static final List<String> HEADER = List.of(
            "channel", "visits", "converting_visits", "orders", "revenue_cents", "conversion_rate", "revenue_share");

    private BusinessSection() {}

    static void html(StringBuilder html, ReportModel model) {
        html.append("<h2>").append(TITLE).append("</h2>");
        Optional<Business> business = model.business();
        if (business.isEmpty()) {
            html.append("<p class=\"none\" id=\"no-business\">")
                    .append(escape(Business.NOT_CONNECTED))
                    .append("</p>\n");
            return;
        }
        html.append("<div class=\"kpis\">");
        business.get().kpis().forEach(kpi -> HtmlReport.kpiCard(html, kpi));
        html.append("</div><h2>Revenue by channel</h2><table id=\"revenue-by-channel\"><thead><tr><th>Channel</th>")
                .append("<th class=\"num\">Visits</th><th class=\"num\">Converting visits</th>")
                .append("<th class=\"num\">Orders</th><th class=\"num\">Revenue</th>")
                .append("<th class=\"num\">Conversion rate</th><th class=\"num\">Share of revenue</th><th></th>")
                .append("</tr></thead><tbody>");
        long total = business.get().current().revenueCents();
        for (ChannelRow row : business.get().channels()) {
            List<String> cells = displayed(row, total);
            html.append("<tr><td class=\"name\">").append(escape(cells.get(0))).append("</td>");
            for (String cell : cells.subList(1, cells.size())) {
                html.append("<td class=\"num\">").append(escape(cell)).append("</td>");
            }
            html.append("<td>")
                    .append(Svg.shareBar(row.revenueShare(total).orElse(0)))
                    .append("</td></tr>");
        }
        html.append("</tbody></table><p class=\"meta\">")
                .append(escape(NOTE + " Amounts in the shop's currency. Figures in revenue_by_channel.csv."))
                .append("</p>\n");
    }

    static void markdown(StringBuilder md, ReportModel model) {
        md.append("\n## ").append(TITLE).append("\n\n");
        Optional<Business> business = model.business();
        if (business.isEmpty()) {
            md.append(MarkdownReport.escape(Business.NOT_CONNECTED)).append('\n');
            return;
        }
        MarkdownReport.kpiTable(md, business.get().kpis());
        md.append(
                        "\n| Channel | Visits | Converting visits | Orders | Revenue | Conversion rate | Share of revenue |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        long total = business.get().current().revenueCents();
        for (ChannelRow row : business.get().channels()) {
            md.append("|");
            for (String cell : displayed(row, total)) {
                md.append(' ').append(MarkdownReport.escape(cell)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(MarkdownReport.escape(NOTE)).append('\n');
    }

    /** revenue_by_channel.csv, or nothing for a lake without business data (kpis.json says which). */
    static Optional<Csv> csv(ReportModel model) {
        return model.business().map(business -> {
            long total = business.current().revenueCents();
            List<List<String>> rows = business.channels().stream()
                    .map(row -> List.of(
                            row.channel(),
                            Long.toString(row.figures().sessions()),
                            Long.toString(row.figures().convertingSessions()),
                            Long.toString(row.figures().orders()),
                            Long.toString(row.figures().revenueCents()),
                            ratio(row.figures().conversionRate()),
                            ratio(row.revenueShare(total))))
                    .toList();
            return new Csv("revenue_by_channel.csv", HEADER, Set.copyOf(HEADER.subList(1, HEADER.size())), rows);
        });
    }

    /** kpis.json's "business": whether the lake has business data, and the channels' sums (amounts in cents). */
    static Map<String, Object> json(ReportModel model) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("connected", model.business().isPresent());
        if (model.business().isEmpty()) {
            map.put("note", Business.NOT_CONNECTED);
            return map;
        }
        map.put(
                "revenue_by_channel",
                model.business().get().channels().stream()
                        .map(row -> {
                            Map<String, Object> channel = new LinkedHashMap<>();
                            channel.put("channel", row.channel());
                            channel.putAll(figures(row.figures()));
                            return channel;
                        })
                        .toList());
        return map;
    }

    private static Map<String, Object> figures(BusinessFigures figures) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("visits", figures.sessions());
        map.put("converting_visits", figures.convertingSessions());
        map.put("orders", figures.orders());
        map.put("revenue_cents", figures.revenueCents());
        return map;
    }

    private static List<String> displayed(ChannelRow row, long totalRevenueCents) {
        BusinessFigures figures = row.figures();
        return List.of(
                row.channel(),
                String.format(Locale.ROOT, "%,d", figures.sessions()),
                String.format(Locale.ROOT, "%,d", figures.convertingSessions()),
                String.format(Locale.ROOT, "%,d", figures.orders()),
                Unit.CENTS.format(figures.revenueCents()),
                percent(figures.conversionRate()),
                percent(row.revenueShare(totalRevenueCents)));
    }

    private static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? Unit.RATIO.format(ratio.getAsDouble()) : "n/a";
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? ReportTables.number(ratio.getAsDouble()) : "";
    }
}
