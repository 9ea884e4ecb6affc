package dev.loglake.reports;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.trino.TrinoSession;
import dev.loglake.reports.model.Business;
import dev.loglake.reports.model.BusinessFigures;
import dev.loglake.reports.model.HourTraffic;
import dev.loglake.reports.model.Incident;
import dev.loglake.reports.model.IncidentRule;
import dev.loglake.reports.model.PeriodFigures;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.reports.model.TrafficPoint;
import dev.loglake.reports.period.DayCoverage;
import dev.loglake.reports.period.LedgerDay;
import dev.loglake.reports.period.PeriodWindow;
import dev.loglake.reports.period.ReloadCheck;
import dev.loglake.reports.query.ConcurrentQueries;
import dev.loglake.reports.query.ReportQueries;
import dev.loglake.reports.query.ReportQueries.BusinessRows;
import dev.loglake.reports.render.ReportFiles;
import dev.loglake.reports.store.ReportStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the executive summary of a day, an ISO week or a calendar month: checks the period can be filled,
 * reads the marts' complete days through Trino (the files of sql/reports/), renders report.html, report.md,
 * kpis.json and one CSV file per table into the output folder, and stores the same files in the reports bucket
 * under {@code reports/<period>/<key>/}, replacing an earlier run's.
 */
public final class ReportRunner {
    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);
    static final int TOP_PATHS = 20;
    static final int TOP_REFERRERS = 20;
    static final int TOP_MIX_VALUES = 8;
    /** The report's queries, all at once: Trino's fixed cost per statement, not the cores, bounds them. */
    static final int PARALLEL_QUERIES = 7;

    private final TrinoConnections connections;
    private final S3Client s3;
    private final LakeSchemas schemas;
    private final Clock clock;

    /** @param clock decides what "today" and "in the future" mean (UTC) */
    public ReportRunner(TrinoConnections connections, S3Client s3, LakeSchemas schemas, Clock clock) {
        this.connections = requireNonNull(connections, "connections is null");
        this.s3 = requireNonNull(s3, "s3 is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ReportRunner(TrinoConnections connections, S3Client s3, LakeSchemas schemas) {
        this(connections, s3, schemas, Clock.systemUTC());
    }

    public ReportResult run(ReportRequest request) {
        PeriodWindow window = request.window();
        ReportModel model = model(request);
        Map<String, String> files = ReportFiles.render(model);
        List<Path> paths = write(request.outputDir(), files);
        log.info("Wrote {} files into {}", paths.size(), request.outputDir());
        String prefix = request.s3Prefix();
        List<String> keys = new ReportStore(s3, schemas.lake().reportsBucket()).put(prefix, files);
        log.info("Stored the report in s3://{}/{}", schemas.lake().reportsBucket(), prefix);
        return new ReportResult(
                window.period(),
                window.key(),
                request.outputDir(),
                paths,
                schemas.lake().reportsBucket(),
                keys,
                model.coverage().missingDays());
    }

    /**
     * The report's numbers, read through Trino, without rendering or storing anything: refuses a period the data
     * cannot fill, as {@link #run} does. The bench times this.
     */
    public ReportModel model(ReportRequest request) {
        PeriodWindow window = request.window();
        DayCoverage.requireOver(window, request.date(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        try (TrinoSession trino = new TrinoSession(connections)) {
            ReportQueries queries = new ReportQueries(trino, schemas);
            ReportQueries.TablesPresent present = queries.tablesPresent();
            if (!present.ledger()) {
                throw LoglakeException.user(
                        "The lake has no loaded day yet (there is no ledger table %s). Nothing was written. Run"
                                + " './loglake transform' first.",
                        schemas.table(schemas.ledger(), "day_status"));
            }
            PeriodWindow previous = window.previous();
            List<LedgerDay> before = queries.ledgerDays(previous.first(), window.last());
            ReloadCheck.requireNoneReloading(before);
            Map<LocalDate, String> statuses = ReportQueries.statuses(before);
            DayCoverage coverage = DayCoverage.of(window, statuses);
            log.info("Report on the {} {}: {}", window.period().id(), window.key(), coverage.summary());
            ReportModel model;
            try {
                model = read(coverage, DayCoverage.describe(previous, statuses), request.site(), present.conversions());
            } catch (LoglakeException e) {
                // A query that failed on a day being rewritten under it: say so, rather than Trino's file error.
                ReloadCheck.requireUnchanged(before, queries.ledgerDays(previous.first(), window.last()), e);
                throw e;
            }
            ReloadCheck.requireUnchanged(before, queries.ledgerDays(previous.first(), window.last()), null);
            return model;
        }
    }

    /**
     * Reads the period's numbers of the site (all sites when empty), every query at once ({@link ConcurrentQueries}),
     * the shop's too when the lake has the conversions mart.
     */
    private ReportModel read(
            DayCoverage coverage, DayCoverage previousCoverage, Optional<String> site, boolean withBusiness) {
        PeriodWindow window = coverage.window();
        log.info(
                "Reading the figures of {} (and {} for the change): headline, traffic, top pages and referrers,"
                        + " audience mix, status codes{}",
                window.key(),
                previousCoverage.window().key(),
                withBusiness ? ", the shop's revenue and conversion" : "");
        List<LocalDate> complete = coverage.completeDays();
        List<LocalDate> bothPeriods = new ArrayList<>(previousCoverage.completeDays());
        bothPeriods.addAll(complete);
        try (ConcurrentQueries queries = new ConcurrentQueries(connections, schemas, site, PARALLEL_QUERIES)) {
            var figures = queries.submit(q -> q.figures(window, bothPeriods));
            var hours = queries.submit(q -> q.hours(complete));
            var days = queries.submit(
                    q -> window.period() == Period.DAY ? List.<TrafficPoint>of() : q.trafficByDay(complete));
            var statusCounts = queries.submit(q -> q.statusCounts(complete));
            var topPages = queries.submit(q -> q.topPages(complete, TOP_PATHS));
            var topReferrers = queries.submit(q -> q.topReferrers(complete, TOP_REFERRERS));
            var audienceMix = queries.submit(q -> q.audienceMix(complete, TOP_MIX_VALUES));
            var sites = queries.submit(q -> q.sites(complete));
            var business = queries.submit(q -> withBusiness ? q.business(window, bothPeriods) : BusinessRows.NONE);
            if (site.isPresent() && sites.get().isEmpty()) {
                List<String> known = queries.submit(ReportQueries::lakeSites).get();
                throw LoglakeException.user(
                        "No figures of the site '%s' in the complete days of the %s %s: nothing was written. The lake"
                                + " holds the sites %s. Give one of them to --site, or leave --site out for all sites.",
                        site.get(), window.period().id(), window.key(), known.isEmpty() ? "(none)" : known);
            }
            PeriodFigures current = figures.get().get("current");
            if (current == null) {
                throw LoglakeException.user(
                        "No requests in the complete days of the %s %s (%s): nothing to report, nothing was written.",
                        window.period().id(), window.key(), complete);
            }
            List<Incident> incidents = IncidentRule.DEFAULT.find(hours.get());
            return new ReportModel(
                    coverage,
                    previousCoverage,
                    Instant.now(clock),
                    PeriodFigures.kpis(
                            current, Optional.ofNullable(figures.get().get("previous"))),
                    statusCounts.get(),
                    traffic(window, hours.get(), days.get(), incidents),
                    topPages.get(),
                    topReferrers.get(),
                    audienceMix.get(),
                    incidents,
                    IncidentRule.DEFAULT,
                    site,
                    sites.get(),
                    business(business.get()));
        }
    }

    /** The shop's part of the report; empty when the lake has no visit in the conversions mart for the period. */
    private static Optional<Business> business(BusinessRows rows) {
        BusinessFigures current = rows.periods().get("current");
        if (current == null) {
            log.info("No business data for the period: {}", Business.NOT_CONNECTED);
            return Optional.empty();
        }
        return Optional.of(
                Business.of(current, Optional.ofNullable(rows.periods().get("previous")), rows.channels()));
    }

    /** By hour (all 24, quiet ones at zero) for a day; by day for a week or a month. */
    private static List<TrafficPoint> traffic(
            PeriodWindow window, List<HourTraffic> hours, List<TrafficPoint> days, List<Incident> incidents) {
        if (window.period() == Period.DAY) {
            Set<Integer> flagged =
                    incidents.stream().map(incident -> incident.hour().hour()).collect(Collectors.toSet());
            List<TrafficPoint> points = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                int h = hour;
                String label = String.format(Locale.ROOT, "%02d:00", hour);
                points.add(hours.stream()
                        .filter(traffic -> traffic.hour() == h)
                        .findFirst()
                        .map(t -> new TrafficPoint(
                                label, t.requests(), t.pageViews(), t.serverErrors(), t.p95Ms(), flagged.contains(h)))
                        .orElse(new TrafficPoint(label, 0, 0, 0, 0, false)));
            }
            return points;
        }
        Set<String> flaggedDays = incidents.stream()
                .map(incident -> incident.hour().day().toString())
                .collect(Collectors.toSet());
        return days.stream()
                .map(point -> point.withIncident(flaggedDays.contains(point.label())))
                .toList();
    }

    private static List<Path> write(Path outputDir, Map<String, String> files) {
        List<Path> paths = new ArrayList<>();
        try {
            Files.createDirectories(outputDir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = outputDir.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                paths.add(path);
            }
        } catch (IOException e) {
            throw LoglakeException.user(
                    "Cannot write the report into %s: %s. Choose a writable folder with --out.", outputDir, e);
        }
        return paths;
    }
}
