package dev.loglake.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.SqlFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report queries in sql/reports/: each states its grain and parameters, ranks without a global LIMIT, reads
 * the complete days it is given (all but period_days, which finds them) and never the detail table.
 */
class TestReportSql {
    @Test
    void everyReportQueryStatesItsGrainAndParametersAndRanksWithAWindow() {
        List<String> known = List.of(
                "catalog",
                "marts_schema",
                "ledger_schema",
                "from_date",
                "to_date",
                "complete_days",
                "current_from",
                "top_n",
                "site");
        // The queries are found as the reports find them: by the model catalog, in the lake's jar.
        List<Model> queries = ModelCatalog.lake().all(ModelKind.QUERY, "reports");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        for (Model query : queries) {
            String name = query.file();
            SqlFile file = query.sql();
            assertThat(file.tag("grain")).as(name + " states its grain").hasValueSatisfying(grain -> assertThat(grain)
                    .startsWith("one row per"));
            assertThat(file.tag("parameters"))
                    .as(name + " states its parameters")
                    .isPresent();
            assertThat(known).as(name + " parameters").containsAll(file.parameters());
            assertThat(file.text()).as(name + " has no global LIMIT").doesNotContainIgnoringCase("LIMIT");
            assertThat(file.text()).as(name + " reads the daily marts only").doesNotContain("}}.fact_requests");
            // period_days finds the days; lake_sites names the lake's sites when a report's site has no figures.
            if (!name.equals("reports/period_days.sql") && !name.equals("reports/lake_sites.sql")) {
                assertThat(file.parameters()).as(name + " reads the days given").contains("complete_days");
                assertThat(file.parameters()).as(name + " reads the site given").contains("site");
            }
            if (file.parameters().contains("top_n")) {
                assertThat(file.text()).as(name + " ranks with a window").contains("row_number() OVER");
            }
        }
    }
}
