package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestReportLoadResult {
    @Test
    void percentilesAreNearestRankOverEveryQuery() {
        List<Double> latencies = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            latencies.add((double) i);
        }
        ReportLoad.Result<String> result = new ReportLoad.Result<>("work", latencies, List.of(), 1.0);
        assertThat(result.percentile(0.5)).isEqualTo(50.0);
        assertThat(result.percentile(0.95)).isEqualTo(95.0);
        assertThat(result.percentile(1.0)).isEqualTo(100.0);
    }

    @Test
    void noQueriesGiveNoFigure() {
        assertThat(new ReportLoad.Result<>("work", List.of(), List.of(), 1.0).percentile(0.5))
                .isNaN();
    }
}
