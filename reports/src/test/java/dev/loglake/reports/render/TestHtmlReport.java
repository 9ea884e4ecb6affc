package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.reports.model.Kpi;
import dev.loglake.reports.model.ReportModel;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestHtmlReport {
    private final ReportModel model = ReportSamples.weekWithAFailedDay();
    private final String html = HtmlReport.render(model);

    @Test
    void valuesFromTheLogsAreEscapedSoNoMarkupOrFetchGetsIn() {
        assertThat(html).doesNotContain("<script", "<img", "<iframe", ReportSamples.HOSTILE_REFERRER);
        assertThat(html).contains("/search?q=&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("Bot&lt;/td&gt;&lt;iframe src=https://example.com/&gt;");
        // No tag has an attribute that fetches something (escaped log text has no tags).
        Matcher urls = Pattern.compile("<[a-z][^>]*\\s(src|href)\\s*=", Pattern.CASE_INSENSITIVE)
                .matcher(html);
        assertThat(urls.find()).as("an attribute that fetches something").isFalse();
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void showsEveryKpiWithItsChangeAndNamesTheMissingDay() {
        for (Kpi kpi : model.kpis()) {
            assertThat(html).contains(Html.escape(kpi.display())).contains(Html.escape(kpi.changeDisplay()));
        }
        assertThat(html).contains("2026-11-04 (failed)").contains("1,234,567").contains("+12.2%");
        assertThat(html).contains("2026-11-02 13:00 UTC").contains("class=\"bar alert\"");
    }

    @Test
    void everyFileIsRenderedAndTheMarkdownIsEscapedToo() {
        Map<String, String> files = ReportFiles.render(model);

        assertThat(files.keySet())
                .containsExactly(
                        "report.html",
                        "report.md",
                        "kpis.json",
                        "kpis.csv",
                        "days.csv",
                        "traffic.csv",
                        "top_pages.csv",
                        "top_referrers.csv",
                        "audience_mix.csv",
                        "status_codes.csv",
                        "incidents.csv");
        assertThat(files.get("report.md")).doesNotContain("<script").contains("2026-11-04 \\(failed\\)");
        assertThat(files.get("top_pages.csv")).contains("2," + ReportSamples.HOSTILE_PATH + ",120000\r\n");
        assertThat(files.get("kpis.csv")).contains("requests,Requests,1234567,1100000,");
        assertThat(files.get("days.csv")).contains("2026-11-04,failed\r\n");
    }
}
