package dev.loglake.lake.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.sql.SqlFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestModelCatalog {
    private final ModelCatalog lake = ModelCatalog.lake();

    @Test
    void findsTheLakesFilesByListingSqlAndTellsTheirKinds() {
        assertThat(lake.model("raw/log_lines.sql").kind()).isEqualTo(ModelKind.DDL);
        assertThat(lake.model("raw/log_lines.sql").relation()).isEqualTo("raw.log_lines");
        assertThat(lake.model("marts/fact_requests.sql").kind()).isEqualTo(ModelKind.MODEL);
        assertThat(lake.model("views/daily_kpis.sql").kind()).isEqualTo(ModelKind.VIEW);
        assertThat(lake.model("views/daily_kpis.sql").relation()).isEqualTo("reports.daily_kpis");
        assertThat(lake.model("reports/kpis.sql").kind()).isEqualTo(ModelKind.QUERY);
        assertThat(lake.all(ModelKind.MODEL, "marts"))
                .extracting(Model::name)
                .contains("fact_requests", "sessions", "daily_traffic", "hourly_traffic");
    }

    @Test
    void findsTheDeclaredFormatsEachInAFileOfItsOwn() {
        assertThat(lake.formats().keySet())
                .containsExactly(
                        "alb",
                        "cloudfront",
                        "combined",
                        "combined_request_time",
                        "common",
                        "nginx_json",
                        "parquet",
                        "vhost_combined");
        assertThat(lake.rawTables())
                .as("the raw table each format reads: Parquet's records have a table of their own")
                .containsEntry("parquet", "log_records")
                .containsEntry("combined", "log_lines")
                .containsEntry("cloudfront", "log_lines");
        assertThat(lake.model("staging/formats/common.sql").kind()).isEqualTo(ModelKind.FORMAT);
        assertThat(lake.all(ModelKind.MODEL, "staging"))
                .as("a format is parsed inside parsed_lines, never loaded on its own")
                .extracting(Model::file)
                .doesNotContain("staging/formats/common.sql");
    }

    @Test
    void aFormatIsNamedLikeItsFileAndTakesNoParameters() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(
                        new SqlFile("staging/formats/apache.sql", "-- @format nginx\nSELECT line FROM raw_lines"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("staging/formats/apache.sql declares @format 'nginx'")
                .hasMessageContaining("staging/formats/<format>.sql");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(new SqlFile(
                        "staging/formats/nginx.sql", "-- @format nginx\nSELECT line FROM raw_lines WHERE {{x}}"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("uses parameters [x]");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(new SqlFile(
                        "staging/formats/orc.sql",
                        "-- @format orc\n-- @raw_table orc_rows\nSELECT 1 FROM raw_records"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("staging/formats/orc.sql reads raw table 'orc_rows' (@raw_table), which no"
                        + " CREATE TABLE of sql/raw/ defines");
    }

    @Test
    void derivesDependenciesFromTheTablesAFileReads() {
        assertThat(lake.dependencies(lake.model("marts/fact_requests.sql")))
                .extracting(Model::file)
                .containsExactlyInAnyOrder("staging/parsed_lines.sql", "staging/ip_block_buckets.sql");
        assertThat(lake.dependencies(lake.model("marts/daily_traffic.sql")))
                .extracting(Model::file)
                .contains(
                        "marts/fact_requests.sql",
                        "marts/sessions.sql",
                        "marts/daily_visitors.sql",
                        "marts/daily_response_times.sql");
    }

    @Test
    void ordersEveryModelAfterWhatItReads() {
        List<Model> marts = lake.all(ModelKind.MODEL, "marts");
        assertThat(marts.get(0).name()).isEqualTo("fact_requests");
        for (Model model : marts) {
            for (Model dependency : lake.dependencies(model)) {
                if (marts.contains(dependency)) {
                    assertThat(marts.indexOf(dependency))
                            .as(model + " after " + dependency)
                            .isLessThan(marts.indexOf(model));
                }
            }
        }
        // A view is created after the views it reads (served_days, day_status).
        List<Model> views = lake.all(ModelKind.VIEW, "views");
        for (Model view : views) {
            for (Model dependency : lake.dependencies(view)) {
                if (views.contains(dependency)) {
                    assertThat(views.indexOf(dependency))
                            .as(view + " after " + dependency)
                            .isLessThan(views.indexOf(view));
                }
            }
        }
        assertThat(lake.dependencies(lake.model("views/top_paths.sql")))
                .extracting(Model::name)
                .contains("served_days");
    }

    @Test
    void aNewMartIsOneFile() {
        ModelCatalog catalog = ModelCatalog.of(List.of(
                mart("marts/b.sql", "b", "{{catalog}}.{{marts_schema}}.a"),
                mart("marts/a.sql", "a", "{{catalog}}.{{staging_schema}}.parsed_lines"),
                mart("marts/c.sql", "c", "{{catalog}}.{{marts_schema}}.b")));
        assertThat(catalog.all(ModelKind.MODEL, "marts"))
                .extracting(Model::name)
                .containsExactly("a", "b", "c");
    }

    @Test
    void aCycleOrATwiceDefinedTableIsAnErrorNamingTheFiles() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(
                        mart("marts/a.sql", "a", "{{catalog}}.{{marts_schema}}.b"),
                        mart("marts/b.sql", "b", "{{catalog}}.{{marts_schema}}.a"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("marts/a.sql");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(
                        mart("marts/a.sql", "a", "{{catalog}}.{{staging_schema}}.x"),
                        mart("marts/a2.sql", "a", "{{catalog}}.{{staging_schema}}.x"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("marts/a.sql and marts/a2.sql both define marts.a");
    }

    private static SqlFile mart(String file, String table, String reads) {
        return new SqlFile(
                file,
                "-- @table {{marts_schema}}." + table + "\n-- @partitioned_by dt\nSELECT x, dt FROM " + reads + "\n");
    }
}
