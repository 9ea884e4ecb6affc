package dev.loglake.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestIncidentRule {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @Test
    void flagsAnHourWhose5xxRateBreaksAwayFromTheMedianHour() {
        List<HourTraffic> hours = quietDay();
        hours.set(13, new HourTraffic(DAY, 13, 1000, 0, 60, 0, 80));

        List<Incident> incidents = IncidentRule.DEFAULT.find(hours);

        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).hour().hour()).isEqualTo(13);
        assertThat(incidents.get(0).kind()).isEqualTo(Incident.Kind.SERVER_ERRORS);
        assertThat(incidents.get(0).observed()).isEqualTo(0.06);
        assertThat(incidents.get(0).norm()).isEqualTo(0.001);
    }

    @Test
    void flagsAnHourWhoseP95IsTwiceTheMedianHour() {
        List<HourTraffic> hours = quietDay();
        hours.set(19, new HourTraffic(DAY, 19, 1000, 0, 1, 0, 160));
        hours.set(20, new HourTraffic(DAY, 20, 1000, 0, 1, 0, 159));

        List<Incident> incidents = IncidentRule.DEFAULT.find(hours);

        assertThat(incidents).extracting(incident -> incident.hour().hour()).containsExactly(19);
        assertThat(incidents.get(0).kind()).isEqualTo(Incident.Kind.LATENCY);
        assertThat(incidents.get(0).norm()).isEqualTo(80);
    }

    @Test
    void ignoresQuietHoursAndSmallAbsoluteRates() {
        List<HourTraffic> hours = quietDay();
        // 50% errors but only 10 requests: too quiet to judge.
        hours.set(3, new HourTraffic(DAY, 3, 10, 0, 5, 0, 900));
        // Three times the median rate but under the 2% floor.
        hours.set(8, new HourTraffic(DAY, 8, 1000, 0, 10, 0, 80));

        assertThat(IncidentRule.DEFAULT.find(hours)).isEmpty();
        assertThat(IncidentRule.DEFAULT.find(List.of())).isEmpty();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(IncidentRule.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(IncidentRule.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    private static List<HourTraffic> quietDay() {
        List<HourTraffic> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(new HourTraffic(DAY, hour, 1000, 600, 1, 20, 80));
        }
        return hours;
    }
}
