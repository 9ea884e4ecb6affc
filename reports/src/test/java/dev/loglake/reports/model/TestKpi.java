package dev.loglake.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TestKpi {
    @Test
    void countsChangeRelativelyAndRatesInPercentagePoints() {
        Kpi requests = new Kpi("requests", "Requests", Unit.COUNT, 1250, OptionalDouble.of(1000));
        Kpi errors = new Kpi("error_rate_5xx", "5xx", Unit.RATIO, 0.015, OptionalDouble.of(0.010));

        assertThat(requests.change()).hasValue(0.25);
        assertThat(requests.changeDisplay()).isEqualTo("+25.0%");
        assertThat(requests.display()).isEqualTo("1,250");
        assertThat(errors.change().getAsDouble()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(errors.changeDisplay()).isEqualTo("+0.50 pt");
        assertThat(errors.display()).isEqualTo("1.50%");
    }

    @Test
    void noChangeWithoutAPreviousValueOrFromZero() {
        assertThat(new Kpi("requests", "Requests", Unit.COUNT, 5, OptionalDouble.empty()).changeDisplay())
                .isEqualTo("n/a");
        assertThat(new Kpi("requests", "Requests", Unit.COUNT, 5, OptionalDouble.of(0)).change())
                .isEmpty();
        assertThat(new Kpi("p95_ms", "p95", Unit.MILLIS, 90, OptionalDouble.of(120)).changeDisplay())
                .isEqualTo("-25.0%");
        assertThat(new Kpi("error_rate_4xx", "4xx", Unit.RATIO, 0.0499999, OptionalDouble.of(0.05)).changeDisplay())
                .isEqualTo("+0.00 pt");
    }

    @Test
    void unitsFormatForPeople() {
        assertThat(Unit.BYTES.format(999)).isEqualTo("999 B");
        assertThat(Unit.BYTES.format(1_234_567_890)).isEqualTo("1.23 GB");
        assertThat(Unit.MILLIS.format(1234.56)).isEqualTo("1,234.6 ms");
    }

    @Test
    void periodFiguresGiveEveryKpiAndRatesOverZeroAreEmpty() {
        PeriodFigures current = new PeriodFigures(1000, 300, 250, 200, 50, 700, 123456, 40, 10, 100, 20, 200, 900);
        PeriodFigures empty = new PeriodFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        List<Kpi> kpis = PeriodFigures.kpis(current, Optional.of(empty));

        assertThat(kpis)
                .extracting(Kpi::id)
                .containsExactly(
                        "requests",
                        "visitors",
                        "distinct_client_ips",
                        "sessions",
                        "page_views",
                        "bounce_rate",
                        "bytes_served",
                        "error_rate_4xx",
                        "error_rate_5xx",
                        "p50_ms",
                        "p95_ms",
                        "p99_ms",
                        "bot_share",
                        "bot_requests");
        Kpi bounce = kpis.get(5);
        assertThat(bounce.value()).isEqualTo(0.25);
        assertThat(bounce.previous()).isEmpty();
        assertThat(kpis.get(12).value()).isEqualTo(0.1);
    }
}
