package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestGuardedView {
    private static final String BODY = "SELECT dt, path, requests FROM hive.marts.daily_paths";
    private static final TreeSet<LocalDate> DAYS =
            new TreeSet<>(List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)));

    @Test
    void theDaysBeingRewrittenAreConstantsSoTrinoPrunesTheirPartitionsAndAQueryReachingThemFailsNamingThem() {
        String sql = new GuardedView(BODY, List.of("dt", "path", "requests"), DAYS, "Day %s is being rewritten").sql();

        assertThat(sql)
                .contains("SELECT served.\"dt\", served.\"path\", served.\"requests\"\nFROM (\n" + BODY + "\n) served")
                .contains("WHERE served.dt NOT IN (DATE '2026-11-01', DATE '2026-11-02')")
                .contains("SELECT rewritten.dt, empty.\"path\", empty.\"requests\"")
                .contains("FROM (VALUES DATE '2026-11-01', DATE '2026-11-02') rewritten(dt)")
                .contains("LEFT JOIN (SELECT * FROM (\n" + BODY + "\n) WHERE false) empty ON true")
                .endsWith("WHERE CAST(fail(format('Day %s is being rewritten', rewritten.dt)) AS boolean)");
    }

    @Test
    void aViewWithoutADayColumnOrWithoutDaysIsAMistake() {
        assertThatThrownBy(() -> new GuardedView(BODY, List.of("path"), DAYS, "Day %s"))
                .hasMessageContaining("needs a dt column");
        assertThatThrownBy(() -> new GuardedView(BODY, List.of("dt"), new TreeSet<>(), "Day %s"))
                .hasMessageContaining("no days");
        assertThatThrownBy(() -> new GuardedView(BODY, List.of("dt"), DAYS, "Day"))
                .hasMessageContaining("%s");
    }
}
