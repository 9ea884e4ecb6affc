package dev.loglake.reports.render;

import java.util.List;
import java.util.Locale;

/**
 * Small charts as inline SVG, drawn here so that the page fetches nothing: a vertical bar chart for traffic
 * and horizontal share bars for the audience mix. Every label goes through {@link Html#escape}.
 */
public final class Svg {
    private Svg() {}

    /** One bar: its label under the axis, its value, and whether to draw it as an alert (incident hour). */
    public record Bar(String label, double value, boolean alert) {}

    public static String barChart(String title, List<Bar> bars, String valueLabel) {
        int width = 760;
        int height = 240;
        int left = 56;
        int bottom = 40;
        int top = 16;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double scale = max <= 0 ? 0 : (height - top - bottom) / max;
        double slot = bars.isEmpty() ? 0 : (double) (width - left - 8) / bars.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                Html.escape(title)));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        int axisY = height - bottom;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                left,
                axisY,
                width - 8,
                axisY));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>",
                left - 6,
                top + 4,
                Html.escape(String.format(Locale.ROOT, "%,.0f", max))));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">0</text>", left - 6, axisY));
        int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double barHeight = bar.value() * scale;
            double x = left + i * slot + slot * 0.1;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"><title>%s: %s %s</title></rect>",
                    x,
                    axisY - barHeight,
                    slot * 0.8,
                    barHeight,
                    bar.alert() ? "bar alert" : "bar",
                    Html.escape(bar.label()),
                    Html.escape(String.format(Locale.ROOT, "%,.0f", bar.value())),
                    Html.escape(valueLabel)));
            if (i % labelEvery == 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                        x + slot * 0.4,
                        axisY + 16,
                        Html.escape(bar.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A horizontal bar of {@code share} (0 to 1) of the full width, for a table cell. */
    public static String shareBar(double share) {
        double clamped = Math.max(0, Math.min(1, share));
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 10\" class=\"share\" aria-hidden=\"true\">"
                        + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" class=\"track\"/>"
                        + "<rect x=\"0\" y=\"0\" width=\"%.2f\" height=\"10\" class=\"bar\"/></svg>",
                clamped * 100);
    }
}
