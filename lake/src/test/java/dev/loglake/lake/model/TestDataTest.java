package dev.loglake.lake.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.sql.SqlFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDataTest {
    @Test
    void aModelsHeaderDeclaresGenericTestsOverThePartitionsALoadWrote() {
        ModelCatalog catalog = ModelCatalog.of(
                List.of(mart("-- @test not_null: a, b\n-- @test unique: a\n-- @test accepted_values: c = 'x', 'y'\n")));
        List<DataTest> tests = catalog.tests("marts");

        assertThat(tests)
                .extracting(DataTest::name)
                .containsExactly("not_null(a, b)", "unique(a)", "accepted_values(c = 'x', 'y')");
        assertThat(tests).allSatisfy(test -> assertThat(test.sql())
                .contains("{{catalog}}.{{marts_schema}}.m")
                .contains("dt BETWEEN {{from_date}} AND {{to_date}}"));
        assertThat(tests.get(0).sql()).contains("count_if(a IS NULL)").contains("count_if(b IS NULL)");
        assertThat(tests.get(1).sql()).contains("GROUP BY dt, a HAVING count(*) > 1");
        assertThat(tests.get(2).sql()).contains("coalesce(c NOT IN ('x', 'y'), true)");
    }

    @Test
    void aCheckFileBesideTheModelsIsATestOfItsLayer() {
        ModelCatalog catalog = ModelCatalog.of(List.of(
                mart(""),
                new SqlFile(
                        "marts/m_conserved.check.sql",
                        "SELECT 'x' AS partition, 'y' AS problem FROM {{catalog}}.{{marts_schema}}.m\n")));

        assertThat(catalog.tests("marts")).extracting(DataTest::source).containsExactly("marts/m_conserved.check.sql");
        assertThat(catalog.model("marts/m_conserved.check.sql").kind()).isEqualTo(ModelKind.CHECK);
        assertThat(ModelCatalog.lake().tests("staging"))
                .extracting(DataTest::source)
                .contains("staging/lines_conserved.check.sql", "staging/parsed_lines.sql");
    }

    @Test
    void aMalformedTestTagStopsTheCatalogNamingTheFileAndTheTag() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(mart("-- @test not_null: a; DROP TABLE x\n"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("marts/m.sql has a malformed @test tag (expected column names")
                .hasMessageContaining("DROP TABLE x");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(mart("-- @test accepted_values: c = x\n"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("values written as SQL literals");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(mart("-- @test positive: a\n"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("not_null, unique or accepted_values");
    }

    private static SqlFile mart(String tests) {
        return new SqlFile(
                "marts/m.sql",
                "-- @table {{marts_schema}}.m\n-- @partitioned_by dt\n" + tests
                        + "SELECT a, b, c, dt FROM {{catalog}}.{{staging_schema}}.s\n");
    }
}
