package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two engines agree on the marts only with the same days and the same figures; every difference is named. */
class TestMartFigures {
    private static final List<String> COLUMNS = List.of("dt", "row_count", "requests");

    @Test
    void equalFiguresAreNoDifferenceWhateverTheNumberType() {
        MartFigures trino = MartFigures.of("daily_status", COLUMNS, List.of(List.of("2026-11-02", 3L, 50_982L)));
        MartFigures duckdb = MartFigures.of(
                "daily_status", COLUMNS, List.of(List.of("2026-11-02", 3L, new java.math.BigInteger("50982"))));

        assertThat(MartFigures.differences(Map.of("daily_status", trino), Map.of("daily_status", duckdb)))
                .isEmpty();
    }

    @Test
    void namesTheMartDayFigureAndBothValues() {
        MartFigures trino = MartFigures.of(
                "sessions", COLUMNS, List.of(List.of("2026-11-01", 1L, 4L), List.of("2026-11-02", 30L, 50_982L)));
        MartFigures duckdb = MartFigures.of("sessions", COLUMNS, List.of(List.of("2026-11-02", 30L, 50_980L)));

        assertThat(MartFigures.differences(Map.of("sessions", trino, "daily_paths", trino), Map.of("sessions", duckdb)))
                .containsExactly(
                        "daily_paths: computed by loglake only",
                        "sessions 2026-11-01: rows in loglake's mart only ({row_count=1, requests=4})",
                        "sessions 2026-11-02 requests: loglake 50982, DuckDB 50980");
    }
}
