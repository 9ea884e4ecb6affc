package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestBenchStages {
    @Test
    void stagesAreNamedInAnyCase() {
        BenchStages stages = BenchStages.parse(List.of("formats", "etl"));

        assertThat(stages.runs("formats")).isTrue();
        assertThat(stages.runs("ETL")).isTrue();
        assertThat(stages.runs("incremental")).isFalse();
        assertThat(BenchStages.all().names()).containsExactlyInAnyOrderElementsOf(BenchStages.ALL);
    }

    @Test
    void anUnknownStageIsRefusedNamingItAndTheStages() {
        assertThatThrownBy(() -> BenchStages.parse(List.of("formats", "format")))
                .isInstanceOf(LoglakeException.class)
                .hasMessage("Invalid --stages 'format': expected some of"
                        + " generator,etl,retry,incremental,load,reports,formats,scale, separated by commas.");
        assertThatThrownBy(() -> BenchStages.parse(List.of()))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("no stage given");
        assertThatThrownBy(() -> BenchStages.parse(List.of("load", "etl")))
                .isInstanceOf(LoglakeException.class)
                .hasMessage("Invalid --stages: load needs incremental, which loads its lake; add incremental.");
    }
}
