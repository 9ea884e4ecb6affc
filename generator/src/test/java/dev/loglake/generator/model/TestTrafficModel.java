package dev.loglake.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestTrafficModel {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final long DAY_START =
            DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final TrafficModel MODEL = TrafficModel.build(7, 100_000, List.of());

    @Test
    void sessionsAreOrderedInTime() {
        for (List<AccessEvent> session : humanSessions(300)) {
            for (int i = 1; i < session.size(); i++) {
                assertThat(session.get(i).timeMillis())
                        .isGreaterThanOrEqualTo(session.get(i - 1).timeMillis());
            }
        }
    }

    @Test
    void assetsFollowTheirPage() {
        int assets = 0;
        for (List<AccessEvent> session : humanSessions(300)) {
            Map<String, Long> pageTimes = new HashMap<>();
            for (AccessEvent event : session) {
                if (event.resource().kind().page() && event.status() == 200) {
                    pageTimes.put(event.resource().url().text(), event.timeMillis());
                }
                if (event.resource().kind().asset()) {
                    assets++;
                    Long pageTime = pageTimes.get(event.referer().text());
                    assertThat(pageTime)
                            .as("page loaded before %s", event.resource().target())
                            .isNotNull();
                    assertThat(event.timeMillis()).isGreaterThanOrEqualTo(pageTime);
                }
            }
        }
        assertThat(assets).isGreaterThan(1000);
    }

    @Test
    void botsLoadNoAssetsAndMatchTheBotRule() {
        List<AccessEvent> events = day(2, 20_000);
        long bots = 0;
        for (AccessEvent event : events) {
            assertThat(event.visitor().bot())
                    .isEqualTo(BotRule.isBot(event.visitor().userAgent().text()));
            if (event.visitor().bot()) {
                bots++;
                assertThat(event.resource().kind().asset()).isFalse();
                assertThat(event.referer()).isSameAs(AccessEvent.NO_REFERER);
            }
        }
        assertThat(bots).isBetween(events.size() / 50L, events.size() / 4L);
    }

    @Test
    void statusCodesAgreeWithPaths() {
        for (AccessEvent event : day(2, 20_000)) {
            int status = event.status();
            ResourceKind kind = event.resource().kind();
            switch (kind) {
                case MISSING -> assertThat(status).isEqualTo(404);
                case MOVED -> assertThat(status).isEqualTo(301);
                case ALIAS, ACTION -> assertThat(status).isIn(302, 500);
                case UNAUTHORIZED -> assertThat(status).isEqualTo(401);
                case FORBIDDEN -> assertThat(status).isEqualTo(403);
                case ACCOUNT -> assertThat(status).isIn(200, 302, 500);
                case STYLESHEET, SCRIPT, FONT, IMAGE, ICON -> assertThat(status).isIn(200, 304);
                default -> assertThat(status).isIn(200, 500);
            }
            if (status == 304) {
                assertThat(event.visitor().kind()).isEqualTo(VisitorKind.RETURNING);
                assertThat(event.bytes()).isZero();
            }
        }
    }

    @Test
    void incidentsFailAndSlowTheAffectedPathsOnly() {
        long start = DAY_START + 3_600_000L;
        TrafficModel model = TrafficModel.build(
                7,
                100_000,
                List.of(
                        new Incident(
                                IncidentKind.ERRORS,
                                java.time.Instant.ofEpochMilli(start),
                                java.time.Duration.ofHours(1),
                                List.of("/api/")),
                        new Incident(
                                IncidentKind.LATENCY,
                                java.time.Instant.ofEpochMilli(start),
                                java.time.Duration.ofHours(1),
                                List.of("/search"))));
        List<AccessEvent> events =
                new WindowTraffic(model).generate(DAY, 1, start, start + 3_600_000L, 20_000, 10_000_000, 3);
        long apiErrors = events.stream()
                .filter(e -> e.resource().target().text().startsWith("/api/") && e.status() >= 500)
                .count();
        long apiCalls = events.stream()
                .filter(e -> e.resource().target().text().startsWith("/api/")
                        && e.resource().kind() == ResourceKind.API)
                .count();
        assertThat((double) apiErrors / apiCalls).isBetween(Incident.ERROR_RATE - 0.1, Incident.ERROR_RATE + 0.1);
        assertThat(events.stream()
                        .filter(e -> e.status() >= 500
                                && !e.resource().target().text().startsWith("/api/")))
                .allMatch(e -> e.status() == 500);
        double searchMedian = median(events.stream()
                .filter(e -> e.resource().kind() == ResourceKind.SEARCH && e.status() == 200)
                .mapToLong(AccessEvent::responseMicros)
                .toArray());
        assertThat(searchMedian).isGreaterThan(260_000 * Incident.SLOWDOWN / 2);
    }

    @Test
    void distinctVisitorsNeverShareAnAddressAndUserAgent() {
        Map<String, Long> visitorByPair = new HashMap<>();
        Map<String, Long> ipKeyByAddress = new HashMap<>();
        List<AccessEvent> events = new ArrayList<>(day(4, 20_000));
        events.addAll(new WindowTraffic(MODEL)
                .generate(
                        DAY.plusDays(1),
                        20,
                        DAY_START + 86_400_000L + 20 * 3_600_000L,
                        DAY_START + 86_400_000L + 21 * 3_600_000L,
                        40_000,
                        50_000_000,
                        9));
        for (AccessEvent event : events) {
            String pair = event.visitor().ip().text() + " "
                    + event.visitor().userAgent().text();
            Long previous = visitorByPair.putIfAbsent(pair, event.visitor().key());
            assertThat(previous == null || previous == event.visitor().key())
                    .as(pair)
                    .isTrue();
            Long ipKey = ipKeyByAddress.putIfAbsent(
                    event.visitor().ip().text(), event.visitor().ipKey());
            assertThat(ipKey == null || ipKey == event.visitor().ipKey()).isTrue();
        }
        assertThat(ipKeyByAddress.size()).isLessThan(visitorByPair.size());
        assertThat(events).anyMatch(e -> e.visitor().ip().text().contains(":"));
    }

    @Test
    void windowsHoldExactlyTheirQuotaAndNothingOutside() {
        long from = DAY_START + 5 * 3_600_000L;
        List<AccessEvent> events =
                new WindowTraffic(MODEL).generate(DAY, 5, from, from + 600_000, 12_345, 10_000_000, 5);
        assertThat(events).hasSize(12_345);
        assertThat(events).allMatch(e -> e.timeMillis() >= from && e.timeMillis() < from + 600_000);
        for (int i = 1; i < events.size(); i++) {
            // Logged to the second: in time order by second, and in order of creation within one.
            assertThat(events.get(i).epochSecond())
                    .isGreaterThanOrEqualTo(events.get(i - 1).epochSecond());
        }
    }

    @Test
    void dailyQuotasFollowTheCycles() {
        long[] quotas = TrafficCycle.hourQuotas(DAY, 1_000_000);
        assertThat(java.util.Arrays.stream(quotas).sum()).isBetween(950_000L, 1_050_000L);
        long busiest = java.util.Arrays.stream(quotas).max().orElseThrow();
        long quietest = java.util.Arrays.stream(quotas).min().orElseThrow();
        assertThat(busiest).isGreaterThan(quietest * 3 / 2);
        long saturday = java.util.Arrays.stream(TrafficCycle.hourQuotas(LocalDate.of(2026, 11, 7), 1_000_000))
                .sum();
        long tuesday = java.util.Arrays.stream(TrafficCycle.hourQuotas(LocalDate.of(2026, 11, 3), 1_000_000))
                .sum();
        assertThat(saturday).isLessThan(tuesday);
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        TrafficModel again = TrafficModel.build(7, 100_000, List.of());
        List<AccessEvent> first = new WindowTraffic(MODEL)
                .generate(DAY, 8, DAY_START + 8 * 3_600_000L, DAY_START + 9 * 3_600_000L, 5_000, 1_000_000, 11);
        List<AccessEvent> second = new WindowTraffic(again)
                .generate(DAY, 8, DAY_START + 8 * 3_600_000L, DAY_START + 9 * 3_600_000L, 5_000, 1_000_000, 11);
        for (int i = 0; i < first.size(); i++) {
            assertThat(describe(second.get(i))).isEqualTo(describe(first.get(i)));
        }
    }

    private static String describe(AccessEvent event) {
        return event.timeMillis() + " " + event.visitor().ip() + " "
                + event.resource().target() + " " + event.status() + " " + event.bytes() + " " + event.referer() + " "
                + event.visitor().userAgent() + " " + event.responseMicros();
    }

    private static List<AccessEvent> day(int hours, int perHour) {
        List<AccessEvent> events = new ArrayList<>();
        WindowTraffic traffic = new WindowTraffic(MODEL);
        for (int hour = 0; hour < hours; hour++) {
            long from = DAY_START + hour * 3_600_000L;
            events.addAll(traffic.generate(
                    DAY, hour, from, from + 3_600_000L, perHour, 1_000_000L + (long) hour * perHour, hour));
        }
        return events;
    }

    private static List<List<AccessEvent>> humanSessions(int count) {
        SplittableRandom random = new SplittableRandom(1);
        List<List<AccessEvent>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventWindow window = new EventWindow(DAY_START, DAY_START + 86_400_000L, 10_000);
            Visitor visitor = i % 2 == 0
                    ? MODEL.visitors().returning(i)
                    : MODEL.visitors().newcomer(1_000_000 + i, i % 20, random);
            new HumanSession(MODEL, window, random, visitor).walk(DAY_START + 1000L * i, MODEL.referrers());
            sessions.add(window.eventsInCreationOrder());
        }
        return sessions;
    }

    private static double median(long[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }
}
