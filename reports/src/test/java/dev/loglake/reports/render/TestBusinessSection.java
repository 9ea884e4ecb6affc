package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loglake.reports.model.Business;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop's part of the report in every form: revenue, orders, conversion rate and average order value with their
 * change, the revenue by channel, and, for a lake without business data, the sentence that says so in each form.
 */
class TestBusinessSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePageShowsTheShopsFiguresWithTheirChangeAndTheChannels() {
        Map<String, String> files = ReportFiles.render(ReportSamples.weekWithBusiness());
        assertThat(files.get("report.html"))
                .contains("<h2>Revenue and conversion</h2>")
                .contains("<div class=\"kpi\" id=\"kpi-revenue\"><div class=\"label\">Revenue</div>"
                        + "<div class=\"value\">12,345.67</div><div class=\"change\">+23.5% (was 10,000.00)</div>")
                .contains("id=\"kpi-orders\"><div class=\"label\">Orders</div><div class=\"value\">250</div>"
                        + "<div class=\"change\">+25.0% (was 200)</div>")
                // 240 / 30,000 = 0.80% against 190 / 29,000 = 0.655%: +0.14 pt.
                .contains("<div class=\"value\">0.80%</div><div class=\"change\">+0.14 pt (was 0.66%)</div>")
                // 1,234,567 cents / 250 orders = 49.38; the week before 1,000,000 / 200 = 50.00.
                .contains("<div class=\"value\">49.38</div><div class=\"change\">-1.2% (was 50.00)</div>")
                .contains("<td class=\"name\">paid</td><td class=\"num\">5,000</td><td class=\"num\">100</td>"
                        + "<td class=\"num\">105</td><td class=\"num\">7,345.67</td><td class=\"num\">2.00%</td>"
                        + "<td class=\"num\">59.50%</td>")
                .contains("<td class=\"name\">social</td><td class=\"num\">5,000</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">0.00</td><td class=\"num\">0.00%</td>")
                .doesNotContain(Html.escape(Business.NOT_CONNECTED));
        assertThat(files.get("report.md"))
                .contains("## Revenue and conversion")
                .contains("| Revenue | 12,345.67 | +23.5% | 10,000.00 |")
                .contains("| paid | 5,000 | 100 | 105 | 7,345.67 | 2.00% | 59.50% |");
    }

    @Test
    void theCsvAndKpisJsonHoldTheExactAmounts() throws Exception {
        Map<String, String> files = ReportFiles.render(ReportSamples.weekWithBusiness());
        assertThat(files.get("revenue_by_channel.csv"))
                .startsWith("channel,visits,converting_visits,orders,revenue_cents,conversion_rate,revenue_share\r\n")
                .contains("paid,5000,100,105,734567,0.02,0.5949997043497842\r\n")
                .contains("direct,20000,140,145,500000,0.007,0.40500029565021584\r\n")
                .contains("social,5000,0,0,0,0,0\r\n");
        assertThat(files.get("kpis.csv")).contains("revenue,Revenue,1234567,1000000,0.234567,relative");
        JsonNode json = JSON.readTree(files.get("kpis.json"));
        assertThat(json.path("kpis").path("revenue").path("value").asDouble()).isEqualTo(1_234_567);
        assertThat(json.path("kpis").path("revenue").path("unit").asText()).isEqualTo("cents");
        assertThat(json.path("kpis").path("orders").path("value").asLong()).isEqualTo(250);
        assertThat(json.path("kpis").path("conversion_rate").path("value").asDouble())
                .isEqualTo(0.008);
        assertThat(json.path("business").path("connected").asBoolean()).isTrue();
        JsonNode paid = json.path("business").path("revenue_by_channel").get(0);
        assertThat(paid.path("channel").asText()).isEqualTo("paid");
        assertThat(paid.path("revenue_cents").asLong()).isEqualTo(734_567);
        assertThat(paid.path("orders").asLong()).isEqualTo(105);
    }

    @Test
    void aLakeWithoutBusinessDataSaysSoInEveryForm() throws Exception {
        Map<String, String> files = ReportFiles.render(ReportSamples.weekWithAFailedDay());
        assertThat(files.get("report.html"))
                .contains("<h2>Revenue and conversion</h2><p class=\"none\" id=\"no-business\">"
                        + Html.escape(Business.NOT_CONNECTED))
                .doesNotContain("id=\"kpi-revenue\"");
        assertThat(files.get("report.md")).contains(MarkdownReport.escape(Business.NOT_CONNECTED));
        assertThat(files).doesNotContainKey("revenue_by_channel.csv");
        assertThat(files.get("kpis.csv")).doesNotContain("revenue");
        JsonNode json = JSON.readTree(files.get("kpis.json"));
        assertThat(json.path("business").path("connected").asBoolean()).isFalse();
        assertThat(json.path("business").path("note").asText()).isEqualTo(Business.NOT_CONNECTED);
        assertThat(json.path("kpis").has("revenue")).isFalse();
    }
}
