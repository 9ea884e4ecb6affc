package dev.loglake.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.lake.sql.SqlFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The report queries in sql/reports/: each states its grain and parameters, ranks without a global LIMIT, reads
 * the complete days it is given (all but period_days, which finds them) and never the detail table.
 */
class TestReportSql {
    @Test
    void everyReportQueryStatesItsGrainAndParametersAndRanksWithAWindow() throws IOException, URISyntaxException {
        Path root = Path.of(SqlFile.class.getResource("/sql/reports").toURI());
        List<String> known = List.of(
                "catalog",
                "marts_schema",
                "ledger_schema",
                "from_date",
                "to_date",
                "complete_days",
                "current_from",
                "top_n");
        try (Stream<Path> files = Files.list(root)) {
            List<Path> sqlFiles =
                    files.filter(path -> path.toString().endsWith(".sql")).toList();
            assertThat(sqlFiles).hasSizeGreaterThanOrEqualTo(8);
            for (Path path : sqlFiles) {
                String name = "reports/" + path.getFileName();
                SqlFile file = SqlFile.load(name);
                assertThat(file.tag("grain"))
                        .as(name + " states its grain")
                        .hasValueSatisfying(grain -> assertThat(grain).startsWith("one row per"));
                assertThat(file.tag("parameters"))
                        .as(name + " states its parameters")
                        .isPresent();
                assertThat(known).as(name + " parameters").containsAll(file.parameters());
                assertThat(file.text()).as(name + " has no global LIMIT").doesNotContainIgnoringCase("LIMIT");
                assertThat(file.text()).as(name + " reads the daily marts only").doesNotContain("}}.fact_requests");
                if (!name.equals("reports/period_days.sql")) {
                    assertThat(file.parameters())
                            .as(name + " reads the days given")
                            .contains("complete_days");
                }
                if (file.parameters().contains("top_n")) {
                    assertThat(file.text()).as(name + " ranks with a window").contains("row_number() OVER");
                }
            }
        }
    }
}
