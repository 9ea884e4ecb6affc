package dev.loglake.reports.render;

import dev.loglake.reports.Period;
import dev.loglake.reports.model.Business;
import dev.loglake.reports.model.BusinessFigures;
import dev.loglake.reports.model.ChannelRow;
import dev.loglake.reports.model.HourTraffic;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.IncidentRule;
import dev.loglake.reports.model.MixRow;
import dev.loglake.reports.model.PeriodFigures;
import dev.loglake.reports.model.RankedRow;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.SiteRow;
import dev.loglake.reports.model.TrafficPoint;
import dev.loglake.reports.period.DayCoverage;
import dev.loglake.reports.period.PeriodWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fixed report model for the renderers' tests, with hostile values where the logs put text. */
final class ReportSamples {
    static final String HOSTILE_PATH = "/search?q=<script>alert('x')</script>";
    static final String HOSTILE_REFERRER = "evil.example\"><img src=\"http://127.0.0.1:9/pixel.png\">";
    static final String HOSTILE_BROWSER = "Bot</td><iframe src=https://example.com/>";

    private ReportSamples() {}

    static ReportModel weekWithAFailedDay() {
        LocalDate monday = LocalDate.of(2026, 11, 2);
        PeriodWindow week = PeriodWindow.containing(Period.WEEK, monday);
        Map<LocalDate, String> statuses = new TreeMap<>();
        week.days().forEach(day -> statuses.put(day, "complete"));
        statuses.put(monday.plusDays(2), "failed");
        week.previous().days().forEach(day -> statuses.put(day, "complete"));
        PeriodFigures current = new PeriodFigures(
                1_234_567,
                45_678,
                40_001,
                30_000,
                12_000,
                800_000,
                9_876_543_210L,
                61_728,
                2_469,
                123_456,
                42.5,
                310.25,
                1_250.75);
        PeriodFigures previous = new PeriodFigures(
                1_100_000,
                44_000,
                39_000,
                29_000,
                11_000,
                790_000,
                9_000_000_000L,
                55_000,
                1_100,
                120_000,
                40,
                300,
                1_200);
        List<TrafficPoint> traffic = new ArrayList<>();
        for (LocalDate day : week.days()) {
            if (!day.equals(monday.plusDays(2))) {
                traffic.add(new TrafficPoint(
                        day.toString(), 200_000 + day.getDayOfMonth() * 1000L, 120_000, 400, 300, day.equals(monday)));
            }
        }
        HourTraffic burst = new HourTraffic(monday, 13, 12_000, 7_000, 900, 50, 320);
        return new ReportModel(
                DayCoverage.describe(week, statuses),
                DayCoverage.describe(week.previous(), statuses),
                Instant.parse("2026-11-09T06:00:00Z"),
                PeriodFigures.kpis(current, Optional.of(previous)),
                new TreeMap<>(Map.of(200, 1_100_000L, 404, 61_728L, 500, 2_469L, 304, 70_370L)),
                traffic,
                List.of(new RankedRow(1, "/", 300_000), new RankedRow(2, HOSTILE_PATH, 120_000)),
                List.of(new RankedRow(1, "www.google.com", 90_000), new RankedRow(2, HOSTILE_REFERRER, 10)),
                List.of(
                        new MixRow("browser", 1, "Chrome", 700_000, 0.567),
                        new MixRow("browser", 2, HOSTILE_BROWSER, 20_000, 0.016),
                        new MixRow("country", 1, "DE", 400_000, 0.324)),
                List.of(new Incident(burst, Incident.Kind.SERVER_ERRORS, 0.075, 0.001)),
                IncidentRule.DEFAULT,
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    static final String HOSTILE_SITE = "shop<script>x</script>|=cmd";

    /** The same week over two sites, with the per-site breakdown; one site's name is hostile. */
    static ReportModel weekOfTwoSites() {
        ReportModel week = weekWithAFailedDay();
        return new ReportModel(
                week.coverage(),
                week.previousCoverage(),
                week.generatedAt(),
                week.kpis(),
                week.statusCounts(),
                week.traffic(),
                week.topPages(),
                week.topReferrers(),
                week.audienceMix(),
                week.incidents(),
                week.incidentRule(),
                Optional.empty(),
                List.of(
                        new SiteRow("blog.example.com", 1_000_000, 40_000, 700_000, 50_000, 2_000, 290.5),
                        new SiteRow(HOSTILE_SITE, 234_567, 9_000, 100_000, 11_728, 469, 410.25)),
                Optional.empty());
    }

    /**
     * The week with the shop's figures: 250 orders of 30,000 visits (the channels add up to it), revenue 12,345.67,
     * against 200 orders and 10,000.00 the week before.
     */
    static ReportModel weekWithBusiness() {
        BusinessFigures current = new BusinessFigures(30_000, 240, 250, 1_234_567);
        return weekWithAFailedDay()
                .withBusiness(Business.of(
                        current,
                        Optional.of(new BusinessFigures(29_000, 190, 200, 1_000_000)),
                        List.of(
                                new ChannelRow("paid", new BusinessFigures(5_000, 100, 105, 734_567)),
                                new ChannelRow("direct", new BusinessFigures(20_000, 140, 145, 500_000)),
                                new ChannelRow("social", new BusinessFigures(5_000, 0, 0, 0)))));
    }
}
