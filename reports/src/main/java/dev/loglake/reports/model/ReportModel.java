package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import dev.loglake.reports.period.DayCoverage;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything a report shows, read from the lake; the renderers only format it. */
public record ReportModel(
        DayCoverage coverage,
        DayCoverage previousCoverage,
        Instant generatedAt,
        List<Kpi> kpis,
        SortedMap<Integer, Long> statusCounts,
        List<TrafficPoint> traffic,
        List<RankedRow> topPages,
        List<RankedRow> topReferrers,
        List<MixRow> audienceMix,
        List<Incident> incidents,
        IncidentRule incidentRule) {
    public ReportModel {
        requireNonNull(coverage, "coverage is null");
        requireNonNull(previousCoverage, "previousCoverage is null");
        requireNonNull(generatedAt, "generatedAt is null");
        kpis = List.copyOf(kpis);
        statusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(statusCounts));
        traffic = List.copyOf(traffic);
        topPages = List.copyOf(topPages);
        topReferrers = List.copyOf(topReferrers);
        audienceMix = List.copyOf(audienceMix);
        incidents = List.copyOf(incidents);
        requireNonNull(incidentRule, "incidentRule is null");
    }

    /** The report's title: "loglake executive summary: week 2026-W45 (...)". */
    public String title() {
        return "Executive summary: " + coverage.window().label();
    }

    public List<String> dimensions() {
        return audienceMix.stream().map(MixRow::dimension).distinct().toList();
    }
}
