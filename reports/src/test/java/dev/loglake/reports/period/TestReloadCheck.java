package dev.loglake.reports.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestReloadCheck {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final LedgerDay COMPLETE = new LedgerDay(DAY, "complete", "2026-12-07 03:53:25.823", "run-a", false);
    private static final LedgerDay RELOADING = new LedgerDay(DAY, "loading", "2026-12-07 03:59:02.927", "run-b", true);
    private static final LedgerDay RELOADED = new LedgerDay(DAY, "complete", "2026-12-07 03:59:21.969", "run-b", false);

    @Test
    void aDayBeingReloadedStopsTheReportNamingTheDayAndTheRun() {
        assertThatThrownBy(() -> ReloadCheck.requireNoneReloading(List.of(RELOADING)))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Day 2026-11-01 is being reloaded by transform run run-b")
                .hasMessageContaining("since 2026-12-07 03:59:02.927 UTC")
                .hasMessageContaining("nothing was written");
        ReloadCheck.requireNoneReloading(List.of(COMPLETE));
    }

    @Test
    void aReloadThatBeganOrEndedWhileTheReportReadIsNamed() {
        assertThat(ReloadCheck.changed(List.of(COMPLETE), List.of(COMPLETE))).isEmpty();
        assertThat(ReloadCheck.changed(List.of(COMPLETE), List.of(RELOADING)))
                .contains("Day 2026-11-01 went from complete to loading (transform run run-b, at 2026-12-07"
                        + " 03:59:02.927 UTC)");
        // Complete before and after, but rewritten in between: the figures read may span both loads.
        assertThat(ReloadCheck.changed(List.of(COMPLETE), List.of(RELOADED))).isPresent();
        assertThatThrownBy(() -> ReloadCheck.requireUnchanged(List.of(COMPLETE), List.of(RELOADED), null))
                .hasMessageContaining("while the report read its figures")
                .hasMessageContaining("Run the report again when the transform ends");
    }

    @Test
    void aDayThatAppearsInTheLedgerMeanwhileIsAChangeToo() {
        assertThat(ReloadCheck.changed(List.of(), List.of(RELOADING)))
                .contains(
                        "Day 2026-11-01 went from unknown to loading (transform run run-b, at 2026-12-07 03:59:02.927 UTC)");
    }
}
