package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loglake.reports.model.ReportModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-site breakdown in every form of the report: its figures in the page, report.md, sites.csv and
 * kpis.json, site names (which come from the logs) escaped in each, and no breakdown where the model has none.
 */
class TestSiteBreakdown {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReportModel model = ReportSamples.weekOfTwoSites();
    private final Map<String, String> files = ReportFiles.render(model);

    @Test
    void thePageAndTheMarkdownShowEachSiteEscaped() {
        String html = files.get("report.html");
        assertThat(html)
                .contains("<h2>By site</h2>")
                .contains("<td class=\"name\">blog.example.com</td><td class=\"num\">1,000,000</td>")
                .contains("<td class=\"num\">40,000</td><td class=\"num\">700,000</td>")
                .contains("<td class=\"num\">5.00%</td><td class=\"num\">0.20%</td><td class=\"num\">290.5 ms</td>")
                .contains("shop&lt;script&gt;x&lt;/script&gt;|=cmd")
                .contains(Html.escape(SiteBreakdown.NOTE))
                .contains("Figures of all sites.")
                .doesNotContain("<script>");
        assertThat(files.get("report.md"))
                .contains("## By site")
                .contains("| blog.example.com | 1,000,000 | 40,000 | 700,000 | 5.00% | 0.20% | 290.5 ms |")
                .contains("shop&lt;script&gt;x&lt;/script&gt;\\|=cmd");
    }

    @Test
    void sitesCsvAndKpisJsonHoldTheNumbers() throws Exception {
        assertThat(files).containsKey("sites.csv");
        assertThat(files.get("sites.csv"))
                .startsWith("site,requests,visitors,page_views,client_error_rate,server_error_rate,p95_ms\r\n")
                .contains("blog.example.com,1000000,40000,700000,0.05,0.002,290.5\r\n")
                // A spreadsheet would run a cell starting with '=': none does, and the hostile name is quoted.
                .contains("shop<script>x</script>|=cmd,234567,9000,100000,");
        JsonNode kpis = JSON.readTree(files.get("kpis.json"));
        assertThat(kpis.path("site").isNull()).isTrue();
        assertThat(kpis.path("sites")).hasSize(2);
        JsonNode blog = kpis.path("sites").get(0);
        assertThat(blog.path("site").asText()).isEqualTo("blog.example.com");
        assertThat(blog.path("requests").asLong()).isEqualTo(1_000_000);
        assertThat(blog.path("visitors").asLong()).isEqualTo(40_000);
        assertThat(blog.path("page_views").asLong()).isEqualTo(700_000);
        assertThat(blog.path("client_error_rate").asDouble()).isEqualTo(0.05);
        assertThat(blog.path("server_error_rate").asDouble()).isEqualTo(0.002);
        assertThat(blog.path("p95_ms").asDouble()).isEqualTo(290.5);
    }

    @Test
    void aModelWithoutSitesHasNoBreakdown() {
        Map<String, String> plain = ReportFiles.render(ReportSamples.weekWithAFailedDay());

        assertThat(plain).doesNotContainKey("sites.csv");
        assertThat(plain.get("report.html")).doesNotContain("By site");
        assertThat(plain.get("report.md")).doesNotContain("By site");
    }
}
