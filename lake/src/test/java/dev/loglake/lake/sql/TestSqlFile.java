package dev.loglake.lake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestSqlFile {
    @Test
    void rendersTypedValuesAndDropsTheHeader() {
        SqlFile file = new SqlFile(
                "t.sql",
                "-- @table {{schema}}.t\n-- @partitioned_by dt\n\nSELECT * FROM {{schema}}.x WHERE dt = {{day}} AND n < {{n}}"
                        + " AND s = {{text}}");

        String sql = file.render(Map.of(
                "schema", new SqlValue.Identifier("marts"),
                "day", new SqlValue.Date(LocalDate.of(2026, 11, 1)),
                "n", new SqlValue.Integer(3),
                "text", new SqlValue.Text("it's")));

        assertThat(sql).isEqualTo("SELECT * FROM marts.x WHERE dt = DATE '2026-11-01' AND n < 3 AND s = 'it''s'");
        assertThat(file.partitionColumn()).contains("dt");
        assertThat(file.parameters()).containsExactly("schema", "day", "n", "text");
    }

    @Test
    void datesRenderAsASortedInListAndNoDatesAsNull() {
        assertThat(SqlValue.Dates.of(List.of(LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 5)))
                        .render())
                .isEqualTo("DATE '2026-10-05', DATE '2026-10-07'");
        assertThat(SqlValue.Dates.of(List.of()).render()).isEqualTo("NULL");
    }

    @Test
    void aMissingParameterNamesTheFile() {
        assertThatThrownBy(
                        () -> new SqlFile("f.sql", "SELECT {{a}}, {{b}}").render(Map.of("a", new SqlValue.Integer(1))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("f.sql")
                .hasMessageContaining("[b]");
    }

    @Test
    void identifiersRejectAnythingButLowerCaseNames() {
        for (String bad : List.of("Marts", "x; DROP TABLE y", "a b", "1abc", "a-b", "\"quoted\"", "")) {
            assertThatThrownBy(() -> new SqlValue.Identifier(bad))
                    .as(bad)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("Invalid SQL identifier");
        }
        assertThat(new SqlValue.Identifier("it_exact_marts").render()).isEqualTo("it_exact_marts");
    }

    @Test
    void aUnionAllTakesOnlySelectsWithoutParameters() {
        assertThat(new SqlValue.UnionAll(List.of("SELECT 1", "SELECT 2")).render())
                .isEqualTo("(SELECT 1)\nUNION ALL\n(SELECT 2)");
        for (String bad : List.of("DROP TABLE x", "SELECT {{x}}", "SELECT 1; DROP TABLE x")) {
            assertThatThrownBy(() -> new SqlValue.UnionAll(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("Expected one SELECT without parameters");
        }
        assertThatThrownBy(() -> new SqlValue.UnionAll(List.of())).hasMessageContaining("at least one SELECT");
    }

    @Test
    void everySqlFileStatesItsGrainAndPartitionsAndUsesOnlyKnownParameters() throws IOException, URISyntaxException {
        Path root = Path.of(SqlFile.class.getResource("/sql").toURI());
        List<String> known = List.of(
                "catalog",
                "raw_schema",
                "staging_schema",
                "marts_schema",
                "ledger_schema",
                "reports_schema",
                "raw_location",
                "ip_blocks_location",
                "formats",
                "raw_object_filter",
                "from_date",
                "to_date",
                "lateness_days",
                // The shop's catalog and schema (transforms/run/ShopMarts), for marts with @requires_catalog.
                "shop_catalog",
                "shop_schema");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sqlFiles =
                    // reports/ holds the report module's queries, not tables: its own test checks them.
                    files.filter(path -> path.toString().endsWith(".sql"))
                            .filter(path -> !root.relativize(path).startsWith("reports"))
                            .toList();
            assertThat(sqlFiles).hasSizeGreaterThan(10);
            for (Path path : sqlFiles) {
                String name = root.relativize(path).toString();
                SqlFile file = SqlFile.load(name);
                assertThat(file.text()).as(name + " states its grain").containsPattern("(?i)grain:? +one row per");
                ModelKind kind = ModelCatalog.lake().model(name).kind();
                if (kind == ModelKind.DDL || kind == ModelKind.MODEL) {
                    assertThat(file.text()).as(name + " states its partitions").containsPattern("(?i)partition");
                }
                assertThat(known).as(name + " parameters").containsAll(file.parameters());
            }
        }
    }

    @Test
    void headerTagsDescribeTheTableAndEachColumnOverSeveralLines() {
        SqlFile file = new SqlFile(
                "t.sql",
                String.join(
                        "\n",
                        "-- @table      {{schema}}.t",
                        "-- @description Requests of a day,",
                        "--             counted.",
                        "-- @grain      one row per day.",
                        "-- @column dt: The day",
                        "-- @column requests: Valid requests, bots",
                        "--         included",
                        "-- A free comment that is not a continuation.",
                        "SELECT 1"));

        assertThat(file.tableComment()).contains("Requests of a day, counted. Grain: one row per day.");
        assertThat(file.columnComments())
                .containsExactly(Map.entry("dt", "The day"), Map.entry("requests", "Valid requests, bots included"));
        assertThatThrownBy(() -> new SqlFile("bad.sql", "-- @column no colon here\nSELECT 1").columnComments())
                .hasMessageContaining("bad.sql")
                .hasMessageContaining("malformed @column");
    }

    @Test
    void sessionTagsSetPropertiesForTheStatementAndMustSayWhy() {
        SqlFile file = new SqlFile(
                "t.sql",
                String.join(
                        "\n",
                        "-- @session    join_distribution_type = BROADCAST: the build side is a",
                        "--             few thousand rows",
                        "-- @session    task_concurrency = 2: two cores",
                        "SELECT 1"));

        assertThat(file.sessionProperties())
                .containsExactly(Map.entry("join_distribution_type", "BROADCAST"), Map.entry("task_concurrency", "2"));
        assertThat(new SqlFile("none.sql", "SELECT 1").sessionProperties()).isEmpty();
        assertThatThrownBy(() -> new SqlFile("bad.sql", "-- @session join_distribution_type = BROADCAST\nSELECT 1")
                        .sessionProperties())
                .hasMessageContaining("bad.sql")
                .hasMessageContaining("malformed @session")
                .hasMessageContaining("'property = VALUE: why'");
        assertThatThrownBy(
                        () -> new SqlFile("quoted.sql", "-- @session a = 'x'; DROP: why\nSELECT 1").sessionProperties())
                .hasMessageContaining("malformed @session");
    }

    @Test
    void everyModelAndViewDescribesItselfAndItsColumnsWithinTheMetastoreLimit() throws IOException, URISyntaxException {
        Path root = Path.of(SqlFile.class.getResource("/sql").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            // Models and views are what BI tools show; data tests (.check.sql) are the runner's, not tables.
            List<String> described = files.map(path -> root.relativize(path).toString())
                    .filter(name -> name.endsWith(".sql"))
                    .filter(name -> Set.of(ModelKind.MODEL, ModelKind.VIEW)
                            .contains(ModelCatalog.lake().model(name).kind()))
                    .toList();
            assertThat(described).hasSizeGreaterThan(15);
            for (String name : described) {
                SqlFile file = SqlFile.load(name);
                assertThat(file.tableComment()).as(name + " @description").isPresent();
                assertThat(file.columnComments()).as(name + " @column tags").isNotEmpty();
                file.columnComments().forEach((column, comment) -> assertThat(comment.length())
                        .as(name + " comment of " + column)
                        .isLessThanOrEqualTo(SqlFile.MAX_COLUMN_COMMENT));
            }
        }
    }
}
