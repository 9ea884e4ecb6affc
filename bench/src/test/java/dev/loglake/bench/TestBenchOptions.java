package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestBenchOptions {
    private static final LocalDate START = LocalDate.of(2026, 10, 1);

    @Test
    void theBenchUsesBucketsAndSchemasOfItsOwn() {
        BenchOptions options = new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "loglake-bench", false);
        assertThat(options.rawBucket()).isEqualTo("loglake-bench-raw");
        assertThat(options.warehouseBucket()).isEqualTo("loglake-bench-warehouse");
        assertThat(options.schemaPrefix("first1")).isEqualTo("loglake_bench_first1_");
        assertThat(options.generatedDays()).isEqualTo(34);
        assertThat(options.loadStageDay()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void theBenchDropsExactlyItsOwnSchemas() {
        BenchOptions options = new BenchOptions(START, 30, 100_000, 2, 8, Path.of("w"), "loglake-bench", false);

        assertThat(BenchLake.lakeSchemaNames()).containsExactly("raw", "staging", "marts", "ledger", "reports");
        assertThat(options.lakeRoles())
                .startsWith("lake", "first1", "first2", "retry1", "retry2", "format1")
                .hasSize(5 + FormatsStage.formats().size());
        assertThat(options.schemas(BenchLake.lakeSchemaNames()))
                .hasSize(5 * (5 + FormatsStage.formats().size()))
                .contains("loglake_bench_lake_marts", "loglake_bench_first1_raw", "loglake_bench_first2_reports")
                .allSatisfy(schema ->
                        assertThat(schema).matches("loglake_bench_(lake|first[12]|retry[12]|format[0-9])_[a-z]+"));
    }

    @Test
    void eachScaleSizeLoadsItsOwnDayIntoAnEmptyLakeThatCleanupDrops() {
        BenchOptions options = new BenchOptions(
                START, 30, 100_000, 2, 8, Path.of("w"), "loglake-bench", false, List.of(50_000L, 200_000L));

        // The data set is START to START + 32 (lake, runs, load day); its late requests arrive on START + 33.
        assertThat(options.scaleDay(0)).isEqualTo(START.plusDays(34));
        assertThat(options.scaleDay(1)).isEqualTo(START.plusDays(36));
        assertThat(options.lakeRoles())
                .startsWith("lake", "first1", "first2", "retry1", "retry2", "scale1", "scale2", "format1")
                .hasSize(7 + FormatsStage.formats().size());
        assertThat(options.formatDay(0))
                .as("after the last scale day's late arrivals")
                .isEqualTo(START.plusDays(38));
        assertThat(options.schemas(BenchLake.lakeSchemaNames())).contains("loglake_bench_scale2_marts");
    }

    @Test
    void aScaleSizeOutsideTheBoundsIsRefusedNamingIt() {
        assertThatThrownBy(() -> new BenchOptions(
                        START, 30, 100_000, 2, 8, Path.of("w"), "loglake-bench", false, List.of(50_000L, 999L)))
                .isInstanceOf(LoglakeException.class)
                .hasMessage("Invalid --scale 999: expected 1000 to 100000000 a day.");
    }

    @Test
    void aNameWhoseBucketsAreALakesIsRefused() {
        BenchOptions loglake = new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "loglake", false);
        LakeConfig defaults = LakeConfig.from(Settings.defaults());

        assertThatThrownBy(() -> loglake.requireApartFrom(List.of(defaults), BenchLake.lakeSchemaNames()))
                .isInstanceOfSatisfying(
                        LoglakeException.class, e -> assertThat(e.kind()).isEqualTo(LoglakeException.Kind.USER))
                .hasMessageStartingWith("Refusing --name 'loglake': its bucket loglake-raw is a lake's bucket"
                        + " (lake.raw-bucket = loglake-raw)")
                .hasMessageContaining("choose another --name");

        LakeConfig ownBuckets = new LakeConfig("my-raw", "my-warehouse", "team-warehouse", "");
        BenchOptions team = new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "team", false);
        assertThatThrownBy(() -> team.requireApartFrom(List.of(defaults, ownBuckets), BenchLake.lakeSchemaNames()))
                .hasMessageContaining(
                        "its bucket team-warehouse is a lake's bucket (lake.reports-bucket =" + " team-warehouse)");
    }

    @Test
    void aNameWhoseSchemasAreALakesIsRefused() {
        BenchOptions mine = new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "mine", false);
        LakeConfig prefixed = new LakeConfig("loglake-raw", "loglake-warehouse", "loglake-reports", "mine_lake_");

        assertThatThrownBy(() -> mine.requireApartFrom(List.of(prefixed), BenchLake.lakeSchemaNames()))
                .hasMessageStartingWith("Refusing --name 'mine': its schema mine_lake_raw is a lake's schema"
                        + " (lake.schema-prefix = 'mine_lake_')");
    }

    @Test
    void theDefaultNameIsApartFromTheDefaultLakeAndFromALakeWithALookAlikePrefix() {
        BenchOptions options = new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "loglake-bench", false);
        LakeConfig lookAlike = new LakeConfig("loglake-raw", "loglake-warehouse", "loglake-reports", "loglake_bench_");

        options.requireApartFrom(List.of(LakeConfig.from(Settings.defaults()), lookAlike), BenchLake.lakeSchemaNames());
        assertThat(options.schemas(BenchLake.lakeSchemaNames()))
                .doesNotContainAnyElementsOf(
                        List.of(lookAlike.schema("raw"), lookAlike.schema("marts"), lookAlike.schema("ledger")));
    }

    @Test
    void invalidValuesNameTheOptionAndWhatIsExpected() {
        assertThatThrownBy(() -> new BenchOptions(START, 0, 100_000, 3, 8, Path.of("w"), "loglake-bench", false))
                .hasMessage("Invalid --lake-days 0: expected 1 to 365.");
        assertThatThrownBy(() -> new BenchOptions(START, 30, 100_000, 0, 8, Path.of("w"), "loglake-bench", false))
                .hasMessage("Invalid --runs 0: expected 1 to 20.");
        assertThatThrownBy(() -> new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "Bench; DROP", false))
                .hasMessageContaining("Invalid --name 'Bench; DROP'");
    }
}
