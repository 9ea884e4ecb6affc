package dev.loglake.generator.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.generate.BenchmarkResult.Stage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestBenchmarkResult {
    private static final long SECOND = 1_000_000_000L;
    private static final Stage ENCODE = new Stage(2_000_000, SECOND, SECOND, -1);

    @Test
    void goalNeedsBothTheRateAndTheShareOfTheLimit() {
        // 600,000 events/s end to end, 750,000 compression only: 80% of the limit.
        BenchmarkResult met = result(new Stage(750_000, SECOND, 2 * SECOND, -1), new Stage(600_000, SECOND, SECOND, 0));
        assertThat(met.ratio()).isEqualTo(0.8);
        assertThat(met.goalMet()).isTrue();
        assertThat(met.report()).contains("compression limit: MET").doesNotContain("NOT MET");

        // Fast enough, but only 50% of a faster limit.
        BenchmarkResult slowPipeline =
                result(new Stage(1_200_000, SECOND, 2 * SECOND, -1), new Stage(600_000, SECOND, SECOND, 0));
        assertThat(slowPipeline.goalMet()).isFalse();
        assertThat(slowPipeline.report()).contains("NOT MET");

        // 90% of the limit, but below 500,000 events/s.
        BenchmarkResult slowMachine =
                result(new Stage(400_000, SECOND, 2 * SECOND, -1), new Stage(360_000, SECOND, SECOND, 0));
        assertThat(slowMachine.goalMet()).isFalse();
    }

    @Test
    void cpuFiguresCountTheServerAndProjectTheRateOnIdleCores() {
        // 1 million events in 2 s of wall clock; 1.5 CPU s in the generator and 0.5 in the S3 server.
        Stage endToEnd = new Stage(1_000_000, 2 * SECOND, 3 * SECOND / 2, SECOND / 2);
        assertThat(endToEnd.cpuSecondsPerMillion()).isEqualTo(2.0);
        assertThat(endToEnd.cpuBoundEventsPerSecond(2)).isEqualTo(1_000_000);
        // Compressing alone: 1 CPU s per million events, so the CPU-bound ratio is 1 / 2.
        BenchmarkResult result = result(new Stage(1_000_000, SECOND, SECOND, -1), endToEnd);
        assertThat(result.cpuBoundRatio()).isEqualTo(0.5);
        assertThat(result.report()).contains("0.50 S3 server (pid 42)").contains("50% of the limit (not met)");
    }

    @Test
    void unknownServerIsSaidSo() {
        BenchmarkResult result =
                new BenchmarkResult(ENCODE, ENCODE, ENCODE, 100, 2, 2, "gzip level 1", Optional.empty());
        assertThat(result.report()).contains("S3 server (unknown: not the local stack's)");
    }

    private static BenchmarkResult result(Stage compression, Stage endToEnd) {
        return new BenchmarkResult(ENCODE, compression, endToEnd, 100, 2, 2, "gzip level 1", Optional.of(42L));
    }
}
