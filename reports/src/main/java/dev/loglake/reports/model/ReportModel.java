package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

import dev.loglake.reports.period.DayCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report shows, read from the lake; the renderers only format it.
 *
 * @param site the one site reported on, or empty for all sites
 * @param sites the per-site breakdown (the one site alone, for a report on one)
 * @param business the shop's figures, empty when the lake has no business data for the period ({@link
 *     Business#NOT_CONNECTED})
 */
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
        IncidentRule incidentRule,
        Optional<String> site,
        List<SiteRow> sites,
        Optional<Business> business) {
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
        requireNonNull(site, "site is null");
        sites = List.copyOf(sites);
        requireNonNull(business, "business is null");
    }

    /** The same report with the shop's figures. */
    public ReportModel withBusiness(Business figures) {
        return new ReportModel(
                coverage,
                previousCoverage,
                generatedAt,
                kpis,
                statusCounts,
                traffic,
                topPages,
                topReferrers,
                audienceMix,
                incidents,
                incidentRule,
                site,
                sites,
                Optional.of(figures));
    }

    /** The traffic's KPIs, then the shop's when there are business data: what kpis.json and kpis.csv list. */
    public List<Kpi> allKpis() {
        List<Kpi> all = new ArrayList<>(kpis);
        business.ifPresent(figures -> all.addAll(figures.kpis()));
        return List.copyOf(all);
    }

    /** The report's title: "loglake executive summary: week 2026-W45 (...)". */
    public String title() {
        return "Executive summary: " + coverage.window().label()
                + site.map(name -> ", site " + name).orElse("");
    }

    /** What the figures cover: "all sites" or "site NAME". */
    public String scope() {
        return site.map(name -> "site " + name).orElse("all sites");
    }

    public List<String> dimensions() {
        return audienceMix.stream().map(MixRow::dimension).distinct().toList();
    }
}
