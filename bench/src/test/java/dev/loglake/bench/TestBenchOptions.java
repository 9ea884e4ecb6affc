package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
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
    void invalidValuesNameTheOptionAndWhatIsExpected() {
        assertThatThrownBy(() -> new BenchOptions(START, 0, 100_000, 3, 8, Path.of("w"), "loglake-bench", false))
                .hasMessage("Invalid --lake-days 0: expected 1 to 365.");
        assertThatThrownBy(() -> new BenchOptions(START, 30, 100_000, 0, 8, Path.of("w"), "loglake-bench", false))
                .hasMessage("Invalid --runs 0: expected 1 to 20.");
        assertThatThrownBy(() -> new BenchOptions(START, 30, 100_000, 3, 8, Path.of("w"), "Bench; DROP", false))
                .hasMessageContaining("Invalid --name 'Bench; DROP'");
    }
}
