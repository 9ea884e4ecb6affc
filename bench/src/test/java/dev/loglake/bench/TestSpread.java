package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSpread {
    @Test
    void medianOfAnOddAndAnEvenNumberOfRuns() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2.0, 1.0, 3.0, 3));
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Spread(2.5, 1.0, 4.0, 4));
    }

    @Test
    void aRatioSpansTheWidestAndNarrowestQuotients() {
        Spread ratio = new Spread(10, 8, 12, 3).over(new Spread(5, 4, 8, 3));
        assertThat(ratio.median()).isEqualTo(2.0);
        assertThat(ratio.min()).isEqualTo(1.0);
        assertThat(ratio.max()).isEqualTo(3.0);
    }

    @Test
    void formatShowsTheMedianAndTheRange() {
        assertThat(Spread.of(List.of(1000.0, 1200.0, 1100.0)).format("%,.0f")).isEqualTo("1,100 (1,000-1,200)");
        assertThat(Spread.single(2.5).format("%.1f")).isEqualTo("2.5 (1 run)");
    }

    @Test
    void zeroMeasurementsAreRejected() {
        assertThatThrownBy(() -> Spread.of(List.of())).hasMessageContaining("zero measurements");
    }
}
