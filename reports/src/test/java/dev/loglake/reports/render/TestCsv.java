package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestCsv {
    @Test
    void textCellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        Csv csv = new Csv(
                "top_referrers.csv",
                List.of("rank", "referrer_host", "requests"),
                Set.of("rank", "requests"),
                List.of(
                        List.of("1", "=HYPERLINK(\"http://evil\",\"x\")", "10"),
                        List.of("2", "+1+cmd|' /C calc'!A0", "9"),
                        List.of("3", "-2+3", "8"),
                        List.of("4", "@SUM(A1:A2)", "7"),
                        List.of("5", "\t=1+1", "6"),
                        List.of("6", "\r=1+1", "5"),
                        List.of("7", "example.com", "4"),
                        List.of("8", "-", "3")));

        assertThat(csv.render().split("\r\n", -1))
                .containsExactly(
                        "rank,referrer_host,requests",
                        "1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",10",
                        "2,\"'+1+cmd|' /C calc'!A0\",9",
                        "3,\"'-2+3\",8",
                        "4,\"'@SUM(A1:A2)\",7",
                        "5,\"'\t=1+1\",6",
                        "6,\"'\r=1+1\",5",
                        "7,example.com,4",
                        "8,\"'-\",3",
                        "");
    }

    @Test
    void negativeNumbersInNumericColumnsStayNumbers() {
        Csv csv = new Csv(
                "kpis.csv",
                List.of("kpi", "value", "change"),
                Set.of("value", "change"),
                List.of(
                        List.of("requests", "1200", "-0.125"),
                        List.of("bounce_rate", "0.4", ""),
                        List.of("p95_ms", "1.0E-5", "-3")));

        assertThat(csv.render())
                .isEqualTo("kpi,value,change\r\nrequests,1200,-0.125\r\nbounce_rate,0.4,\r\np95_ms,1.0E-5,-3\r\n");
    }

    @Test
    void aNumericColumnRefusesText() {
        assertThatThrownBy(() -> new Csv(
                        "kpis.csv", List.of("kpi", "change"), Set.of("change"), List.of(List.of("x", "-1+cmd"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kpis.csv: the numeric column change holds '-1+cmd', expected a number or nothing");
    }

    @Test
    void theReportsTablesKeepTheirNegativeChangesAsNumbers() {
        List<Csv> tables = ReportTables.of(ReportSamples.weekWithAFailedDay());
        Csv kpis = tables.stream()
                .filter(table -> table.fileName().equals("kpis.csv"))
                .findFirst()
                .orElseThrow();

        assertThat(kpis.numericColumns()).containsExactlyInAnyOrder("value", "previous", "change");
        assertThat(tables)
                .filteredOn(table -> table.fileName().startsWith("top_"))
                .allSatisfy(table -> assertThat(table.numericColumns()).containsExactlyInAnyOrder("rank", "requests"));
    }
}
