package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.lease.HeldLease;
import dev.loglake.core.lease.WriterLease;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.RawLayout;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.source.SourceRegistry;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads raw arrival days into the lake: stage (parse) and quarantine each raw day, then rebuild exactly the
 * event days those lines belong to in the marts, check, and record everything in the ledger.
 */
public final class TransformRunner {
    /**
     * The source every statement of a run names (Trino's system.runtime.queries shows it): the drain of readers
     * ({@link ReaderDrain}) tells the run's queries from theirs by it, and the bench counts a run's statements by it.
     */
    public static final String TRINO_SOURCE = "loglake-transform";

    private static final Logger log = LoggerFactory.getLogger(TransformRunner.class);

    /** The lake's SQL files: which models each layer has, and in which order they run. */
    private static final ModelCatalog MODELS = ModelCatalog.lake();

    /** The reference list of IP networks by address bucket, which the facts read: rebuilt behind a view. */
    private static final String REFERENCE = "staging/ip_block_buckets.sql";

    /** The facts: every valid request; its rows are the run's requests. */
    private static final String FACTS = "marts.fact_requests";

    private final TrinoConnections connections;
    private final S3Client s3;
    private final LakeSchemas schemas;
    private final TransformConfig config;
    private final LeaseConfig leaseConfig;
    private final ShopConfig shop;
    /** The shop's marts as this run finds the shop catalog; set while a run lasts. */
    private ShopMarts shopMarts;

    private TrinoSession trino;
    private HeldLease lease;
    /** The raw days of the run in progress: which objects its statements may open (null between runs). */
    private RawDays raw;
    /**
     * The catalog as the run in progress began, with the comments of the views it has guarded since (null between
     * runs): what the run knows of the lake's tables and views without asking again.
     */
    private LakeMetadata catalog;

    public TransformRunner(
            TrinoConnections connections,
            S3Client s3,
            LakeSchemas schemas,
            TransformConfig config,
            LeaseConfig leaseConfig) {
        this(connections, s3, schemas, config, leaseConfig, ShopConfig.DEFAULT);
    }

    /** A runner whose marts that join the shop read its catalog and schema {@code shop}. */
    public TransformRunner(
            TrinoConnections connections,
            S3Client s3,
            LakeSchemas schemas,
            TransformConfig config,
            LeaseConfig leaseConfig,
            ShopConfig shop) {
        this.shop = requireNonNull(shop, "shop is null");
        // Named, so that the drain of readers (ReaderDrain) tells this run's queries from theirs.
        // Every statement of the run asks for the configured retry policy: with TASK, a lost worker's tasks run
        // again elsewhere and the statement completes.
        this.config = requireNonNull(config, "config is null");
        this.connections = requireNonNull(connections, "connections is null")
                .withSource(ReaderDrain.SOURCE)
                .withSessionProperties(config.retryPolicy().sessionProperties());
        this.s3 = requireNonNull(s3, "s3 is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.leaseConfig = requireNonNull(leaseConfig, "leaseConfig is null");
    }

    /**
     * Runs the request as the lake's only writer: it first takes the lake's writer lease (waiting while another
     * run holds it), so that two runs never overwrite the same partitions or rebuild a table the other reads.
     * Jobs and the ledger use a connection each: jobs write with partition overwrite switched on, and the
     * ledger's appends must never be affected by it.
     */
    public TransformSummary run(TransformRequest request) {
        Instant started = Instant.now();
        String runId = newRunId(started);
        // Bad input fails at once (exit code 2), before the run waits for another one's lease.
        request.range().ifPresent(range -> requireRawDays(range, rawDays()));
        try (HeldLease held = WriterLease.acquire(s3, schemas.lake(), leaseConfig, runId);
                TrinoSession jobsSession = new TrinoSession(connections);
                TrinoSession ledgerSession = new TrinoSession(connections)) {
            this.lease = held;
            this.trino = jobsSession;
            // Listed once the lease is ours: a run that waited sees the raw days and the ledger as they are now.
            RawDays raw = rawDays();
            this.raw = raw;
            SortedSet<LocalDate> available = raw.days();
            Ledger ledger = new Ledger(ledgerSession, schemas, runId);
            TransformSummary summary = run(request, started, available, raw, ledger);
            held.checkHeld();
            ledger.flush();
            return summary;
        } finally {
            this.trino = null;
            this.shopMarts = null;
            this.raw = null;
            this.lease = null;
            this.catalog = null;
        }
    }

    private TransformSummary run(
            TransformRequest request, Instant started, SortedSet<LocalDate> available, RawDays raw, Ledger ledger) {
        JobRunner jobs = new JobRunner(connections, trino, schemas, ledger);
        catalog = LakeMetadata.read(trino, schemas, shop.catalog());
        jobs.knowTables(catalog, List.of(schemas.staging(), schemas.marts()));
        createSchemasAndTables(jobs);
        shopMarts = ShopMarts.detect(trino, shop, MODELS.all(ModelKind.MODEL, "marts"), catalog);
        SortedMap<LocalDate, Ledger.DayStatus> arrivalStatuses = ledger.statuses(Ledger.DayKind.ARRIVAL);
        SortedSet<LocalDate> arrivalDays = request.range()
                .map(range -> (SortedSet<LocalDate>) new TreeSet<>(range.dates()))
                .orElseGet(() -> pending(available, arrivalStatuses));
        if (arrivalDays.isEmpty()) {
            log.info("Every raw day is complete already; nothing to do.");
            describeForBiTools(jobs);
            return new TransformSummary(
                    ledger.runId(), arrivalDays, new TreeSet<>(), new TreeSet<>(), 0, 0, 0, elapsed(started));
        }
        log.info(
                "Run {}: loading {} raw day(s): {}",
                ledger.runId(),
                arrivalDays.size(),
                DayRange.consecutive(arrivalDays));
        DayClosure closure = new DayClosure(s3, schemas.lake().rawBucket(), raw.daysPerSource(), config.latenessDays());
        if (request.close()) {
            closeByHand(closure, arrivalDays);
        }
        // Before the raw hours are registered: an hour that lands after its marker was seen is then loaded too,
        // where checking after the registration could call a day closed whose last hour was never registered.
        RunDays days = new RunDays(arrivalStatuses, closure(closure, arrivalDays));
        lease.checkHeld();
        new RawPartitions(connections, schemas, MODELS.rawTables(), config.concurrency())
                .register(trino, raw, arrivalDays, days.closedDays());
        refreshReference(jobs, ledger);

        Totals totals = new Totals();
        SortedSet<LocalDate> eventDays = new TreeSet<>();
        for (DayRange contiguous : DayRange.consecutive(arrivalDays)) {
            for (DayRange batch : contiguous.chunks(config.batchDays())) {
                eventDays.addAll(loadBatch(batch, days, jobs, ledger, totals));
            }
        }
        describeForBiTools(jobs);
        return new TransformSummary(
                ledger.runId(),
                arrivalDays,
                eventDays,
                days.partialEventDays,
                totals.parsed,
                totals.quarantined,
                totals.requests.get(),
                elapsed(started));
    }

    /** Rebuilds the IP-to-country reference list when its SQL or its objects in the raw bucket changed. */
    private void refreshReference(JobRunner jobs, Ledger ledger) {
        String bucket = schemas.lake().rawBucket();
        String objects = ReferenceObjects.fingerprint(s3, bucket, RawLayout.IP_BLOCKS_PREFIX);
        if (!jobs.rebuildBehindViewIfChanged(
                REFERENCE, ledger.runId().toLowerCase(Locale.ROOT).replace('-', '_'), objects, catalog)) {
            log.info(
                    "The IP-to-country reference list is current (same SQL, same objects in s3://{}/{}): not rebuilt",
                    bucket,
                    RawLayout.IP_BLOCKS_PREFIX);
        }
    }

    /**
     * Loads a batch of arrival days. A first load of arrival days only adds rows to the event days it touches, so
     * its overwrites leave nothing stale. A rerun of arrival days the ledger knows (a reload, a retry, an open
     * day) may write fewer rows or days than the load before it: it deletes the partitions of what it rewrites
     * first, and rebuilds the event days its earlier load touched as well as those it touches now. Any load first
     * removes the files a cut-off run left in the folders of partitions the metastore never registered, which no
     * DELETE or overwrite reaches ({@link OrphanPartitionFiles}).
     */
    private SortedSet<LocalDate> loadBatch(
            DayRange arrival, RunDays days, JobRunner jobs, Ledger ledger, Totals totals) {
        LayerChecks checks = new LayerChecks(trino, schemas, MODELS);
        ModelGraph graph = new ModelGraph(MODELS, config.concurrency());
        OrphanPartitionFiles orphans = new OrphanPartitionFiles(s3, trino, schemas, jobs);
        boolean rerun = arrival.dates().stream().anyMatch(days.loadedBefore::contains);
        lease.checkHeld();
        ledger.setDays(Ledger.DayKind.ARRIVAL, arrival.dates(), Ledger.DayStatus.LOADING);
        SortedSet<LocalDate> eventDays = new TreeSet<>();
        try {
            if (rerun && jobs.tableExists(schemas.table(schemas.staging(), "parsed_lines"))) {
                eventDays.addAll(stagedRowsPerEventDay(arrival).keySet());
            }
            Map<String, SqlValue> arrivalValues = values(arrival);
            orphans.remove(MODELS.all(ModelKind.MODEL, "staging"), arrival);
            long lines = new UnreadableRawObjects(s3, connections, schemas, ledger.runId())
                    .load(arrival, () -> write(jobs, rerun, "staging/parsed_lines.sql", arrival, arrivalValues));
            lease.checkHeld();
            long quarantined = write(jobs, rerun, "staging/quarantine.sql", arrival, arrivalValues);
            jobs.analyze("staging/parsed_lines.sql", arrival, lines);
            checks.run("staging", "arrival_dt=" + arrival, arrivalValues);
            totals.parsed += lines - quarantined;
            totals.quarantined += quarantined;

            SortedMap<LocalDate, Long> rowsPerEventDay = stagedRowsPerEventDay(arrival);
            eventDays.addAll(rowsPerEventDay.keySet());
            if (eventDays.size() > rowsPerEventDay.size()) {
                log.info(
                        "Rebuilding event day(s) {} too: the earlier load of these raw days wrote to them",
                        DayRange.consecutive(difference(eventDays, rowsPerEventDay.keySet())));
            }
            keepReadersOff(ledger, eventDays);
            ledger.setDays(Ledger.DayKind.EVENT, eventDays, Ledger.DayStatus.LOADING);
            for (DayRange events : martRanges(eventDays, rowsPerEventDay)) {
                Map<String, SqlValue> eventValues = values(events);
                lease.checkHeld();
                List<Model> marts = shopMarts.buildable(MODELS.all(ModelKind.MODEL, "marts"));
                orphans.remove(marts, events);
                graph.run(marts, model -> {
                    lease.checkHeld();
                    long rows = write(jobs, rerun, model.file(), events, eventValues);
                    jobs.analyze(model.file(), events, rows);
                    if (model.relation().equals(FACTS)) {
                        totals.requests.addAndGet(rows);
                    }
                });
                checks.run(
                        "marts",
                        "dt=" + events,
                        eventValues,
                        shopMarts.skippedFiles(MODELS.all(ModelKind.MODEL, "marts")));
            }
            lease.checkHeld();
            Map<LocalDate, Ledger.DayStatus> arrivalStatuses = days.arrivalStatuses(arrival);
            ledger.setStatuses(Map.of(
                    Ledger.DayKind.ARRIVAL, arrivalStatuses, Ledger.DayKind.EVENT, days.eventStatuses(eventDays)));
            return eventDays;
        } catch (LoglakeException e) {
            markFailed(ledger, arrival, eventDays);
            restoreViews();
            throw e;
        }
    }

    /**
     * Before the marts of event days the lake already has are written again: the reports views are replaced by
     * ones that never read those days ({@link Views#guard}), and the queries begun before are let finish
     * ({@link ReaderDrain}). A reader thus gets a day's old figures, its new ones, or a message saying it is being
     * rewritten, never a mix or a file removed under it. Days the ledger does not know have no partitions yet:
     * their first write appears at once, when its statement commits. The views are restored when the run ends
     * ({@link #describeForBiTools}), or by the next batch's guard, or on failure.
     */
    private void keepReadersOff(Ledger ledger, SortedSet<LocalDate> eventDays) {
        SortedSet<LocalDate> known =
                new TreeSet<>(ledger.statuses(Ledger.DayKind.EVENT).keySet());
        known.retainAll(eventDays);
        if (!known.isEmpty()) {
            catalog = catalog.withComments(new Views(trino, schemas).guard(known, ledger.runId(), catalog));
            new ReaderDrain(trino, schemas, config.readerDrain()).await(known, ledger.runId());
        }
    }

    /**
     * After a failed batch: the views serve the complete days again (the failed ones are not among them). Their
     * comments are read afresh: the failure may have come in the middle of guarding them.
     */
    private void restoreViews() {
        try {
            new Views(trino, schemas)
                    .createOrReplace(
                            "views",
                            LakeMetadata.read(trino, schemas, shop.catalog()).comments());
        } catch (LoglakeException e) {
            log.warn("Could not restore the reports views; the next run does: {}", e.getMessage());
        }
    }

    /** The raw days of the raw bucket and of every source read in place. */
    private RawDays rawDays() {
        String bucket = schemas.lake().rawBucket();
        return new RawDays(s3, bucket, MODELS.formats().keySet(), new SourceRegistry(s3, bucket).list());
    }

    /**
     * Writes the object that closes each raw day by hand ({@link DayClosure}) for every source that has data on
     * it, so that this run and every later one treat it as closed.
     */
    private void closeByHand(DayClosure closure, SortedSet<LocalDate> arrivalDays) {
        String bucket = schemas.lake().rawBucket();
        for (LocalDate day : arrivalDays) {
            for (RawDays.Source source : closure.sourcesOf(day)) {
                String key = RawLayout.closedMarkerKey("", source.format(), source.site(), day);
                s3.putObject(
                        request -> request.bucket(bucket).key(key),
                        RequestBody.fromString("closed by hand: no more lines of this raw day are expected\n"));
                log.info("Closed raw day {} of source {} by hand (s3://{}/{})", day, source, bucket, key);
            }
        }
    }

    /** For each raw day to load, why it is closed, or empty while it is open. */
    private SortedMap<LocalDate, Optional<String>> closure(DayClosure closure, SortedSet<LocalDate> days) {
        SortedMap<LocalDate, Optional<String>> closed = new TreeMap<>();
        for (LocalDate day : days) {
            Optional<String> because = closure.closedBecause(day);
            closed.put(day, because);
            if (because.isEmpty()) {
                log.info(
                        "Raw day {} is open: {}. It loads as partial, and every run loads it again until it closes.",
                        day,
                        closure.openBecause(day));
            }
        }
        return closed;
    }

    /** Loads a model's partitions for the days; a rerun deletes them first (see loadBatch). */
    private static long write(JobRunner jobs, boolean rerun, String file, DayRange days, Map<String, SqlValue> values) {
        if (rerun) {
            return jobs.replace(file, days, values);
        }
        String column = SqlFile.load(file)
                .partitionColumn()
                .orElseThrow(() -> LoglakeException.internal(file + " has no partition column", null));
        return jobs.load(file, column + "=" + days, values);
    }

    private static SortedSet<LocalDate> difference(SortedSet<LocalDate> days, Set<LocalDate> minus) {
        SortedSet<LocalDate> difference = new TreeSet<>(days);
        difference.removeAll(minus);
        return difference;
    }

    private void markFailed(Ledger ledger, DayRange arrival, SortedSet<LocalDate> eventDays) {
        try {
            ledger.setDays(
                    Map.of(Ledger.DayKind.ARRIVAL, arrival.dates(), Ledger.DayKind.EVENT, eventDays),
                    Ledger.DayStatus.FAILED);
        } catch (LoglakeException ledgerFailure) {
            log.warn("Could not mark the days failed in the ledger: {}", ledgerFailure.getMessage());
        }
    }

    /**
     * The event days that the valid lines of these arrival days belong to (their own, and earlier ones for late
     * lines), each with its number of staged lines: the estimate of the rows its mart statements will read.
     */
    private SortedMap<LocalDate, Long> stagedRowsPerEventDay(DayRange arrival) {
        SortedMap<LocalDate, Long> rows = new TreeMap<>();
        trino.query(
                        "staging/parsed_lines.sql",
                        "SELECT event_dt, count(*) FROM " + schemas.table(schemas.staging(), "parsed_lines")
                                + " WHERE error IS NULL AND arrival_dt BETWEEN "
                                + new SqlValue.Date(arrival.from()).render() + " AND "
                                + new SqlValue.Date(arrival.to()).render() + " GROUP BY event_dt")
                .rows()
                .forEach(
                        row -> rows.put(((java.sql.Date) row.get(0)).toLocalDate(), ((Number) row.get(1)).longValue()));
        return rows;
    }

    /**
     * The day ranges the marts are built in: runs of consecutive event days, each cut so that one statement reads
     * at most transform.max-rows-per-write requests. The sessions job holds all of its input in memory (a window
     * over every request), so a backfill of busy days in one statement would exceed Trino's query memory.
     */
    private List<DayRange> martRanges(SortedSet<LocalDate> eventDays, Map<LocalDate, Long> rowsPerEventDay) {
        List<DayRange> runs = DayRange.consecutive(eventDays);
        List<DayRange> ranges = new ArrayList<>();
        for (DayRange run : runs) {
            ranges.addAll(run.splitByRows(rowsPerEventDay, config.maxRowsPerWrite()));
        }
        if (ranges.size() > runs.size()) {
            log.info(
                    "Building the marts in {} day ranges of at most {} requests each ({}): {}",
                    ranges.size(),
                    config.maxRowsPerWrite(),
                    TransformConfig.MAX_ROWS_PER_WRITE,
                    ranges);
        }
        return ranges;
    }

    private Map<String, SqlValue> values(DayRange range) {
        Map<String, SqlValue> values = new LinkedHashMap<>();
        values.put("from_date", new SqlValue.Date(range.from()));
        values.put("to_date", new SqlValue.Date(range.to()));
        values.put("lateness_days", new SqlValue.Integer(config.latenessDays()));
        values.put("raw_object_filter", raw.objectFilter(range.from(), range.to()));
        values.putAll(shopMarts.values());
        return values;
    }

    private void createSchemasAndTables(JobRunner jobs) {
        new LakeTables(trino, schemas, MODELS).ensure(jobs, catalog);
        new ModelColumns(schemas).requireCurrent(modelFiles(), catalog);
    }

    /** The staging and mart models' files, but the reference buckets' (a view of its own, rebuilt every run). */
    private static List<String> modelFiles() {
        List<String> models = new ArrayList<>();
        for (String layer : List.of("staging", "marts")) {
            MODELS.all(ModelKind.MODEL, layer).stream()
                    .map(model -> model.file())
                    .filter(file -> !file.equals(REFERENCE))
                    .forEach(models::add);
        }
        return models;
    }

    /**
     * Puts the comments of the SQL files' headers on the tables, and creates or replaces the views of the reports
     * schema once the marts they read exist, both only where something changed. It knows the lake from the run's
     * read of the catalog, updated with the views the run guarded; only a run that created a table reads the catalog
     * again (one query). A current lake costs no statement.
     */
    private void describeForBiTools(JobRunner jobs) {
        LakeMetadata now = jobs.createdTables() ? LakeMetadata.read(trino, schemas, shop.catalog()) : catalog;
        new TableComments(trino, schemas).sync(modelFiles(), now);
        if (now.comments().containsKey(schemas.marts().name() + ".daily_traffic")) {
            new Views(trino, schemas).createOrReplace("views", now.comments());
        }
    }

    /** The raw days there are, but those the ledger has as complete: what a run without days loads. */
    private static SortedSet<LocalDate> pending(
            SortedSet<LocalDate> available, Map<LocalDate, Ledger.DayStatus> arrivalStatuses) {
        SortedSet<LocalDate> pending = new TreeSet<>(available);
        arrivalStatuses.forEach((day, status) -> {
            if (status == Ledger.DayStatus.COMPLETE) {
                pending.remove(day);
            }
        });
        return pending;
    }

    private static void requireRawDays(DayRange range, RawDays raw) {
        SortedSet<LocalDate> available = raw.days();
        List<LocalDate> missing =
                range.dates().stream().filter(day -> !available.contains(day)).toList();
        if (!missing.isEmpty()) {
            throw LoglakeException.user(
                    "No raw logs for %s (looked in %s and the other days' folders). Nothing was written. Generate or"
                            + " ingest those days first, or choose days that have raw logs%s.",
                    missing.size() == 1
                            ? missing.get(0)
                            : missing.size() + " days: " + DayRange.consecutive(new TreeSet<>(missing)),
                    raw.location(missing.get(0)),
                    available.isEmpty() ? " (there are none yet)" : ": " + DayRange.consecutive(available));
        }
    }

    private static String newRunId(Instant started) {
        byte[] random = new byte[3];
        new java.security.SecureRandom().nextBytes(random);
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(started) + "-" + HexFormat.of().formatHex(random);
    }

    private static Duration elapsed(Instant started) {
        return Duration.between(started, Instant.now());
    }

    /**
     * The status of the run's days. A raw (arrival) day is complete once loaded while closed, partial while open.
     * An event day is complete only when its own raw day is complete: its lines arrive on that day, and a day
     * whose own raw day was never loaded (the lake's start, a gap) holds only lines that arrived late.
     */
    private static final class RunDays {
        /** Arrival days the ledger has a status for, whatever it is: loading them again is a rerun. */
        final Set<LocalDate> loadedBefore;
        /** Arrival days complete so far; updated as batches finish, in arrival order. */
        final Set<LocalDate> completeArrivals = new TreeSet<>();

        final SortedMap<LocalDate, Optional<String>> closed;
        final SortedSet<LocalDate> partialEventDays = new TreeSet<>();

        RunDays(Map<LocalDate, Ledger.DayStatus> arrivalStatuses, SortedMap<LocalDate, Optional<String>> closed) {
            this.loadedBefore = Set.copyOf(arrivalStatuses.keySet());
            this.closed = closed;
            arrivalStatuses.forEach((day, status) -> {
                if (status == Ledger.DayStatus.COMPLETE && !closed.containsKey(day)) {
                    completeArrivals.add(day);
                }
            });
        }

        /** The arrival days of this run that are closed: no more of their lines are expected. */
        Set<LocalDate> closedDays() {
            Set<LocalDate> closedDays = new TreeSet<>();
            closed.forEach((day, because) -> because.ifPresent(reason -> closedDays.add(day)));
            return closedDays;
        }

        Map<LocalDate, Ledger.DayStatus> arrivalStatuses(DayRange arrival) {
            Map<LocalDate, Ledger.DayStatus> statuses = new TreeMap<>();
            for (LocalDate day : arrival.dates()) {
                boolean complete = closed.get(day).isPresent();
                statuses.put(day, complete ? Ledger.DayStatus.COMPLETE : Ledger.DayStatus.PARTIAL);
                if (complete) {
                    completeArrivals.add(day);
                }
            }
            return statuses;
        }

        Map<LocalDate, Ledger.DayStatus> eventStatuses(SortedSet<LocalDate> eventDays) {
            Map<LocalDate, Ledger.DayStatus> statuses = new TreeMap<>();
            for (LocalDate day : eventDays) {
                boolean complete = completeArrivals.contains(day);
                statuses.put(day, complete ? Ledger.DayStatus.COMPLETE : Ledger.DayStatus.PARTIAL);
                if (complete) {
                    partialEventDays.remove(day);
                } else {
                    partialEventDays.add(day);
                    if (!closed.containsKey(day) && !loadedBefore.contains(day)) {
                        log.info("Event day {} is partial: its own raw day was never loaded", day);
                    }
                }
            }
            return statuses;
        }
    }

    /** Running totals of a run. */
    private static final class Totals {
        long parsed;
        long quarantined;
        /** Added to by the facts' job, which may run on another thread. */
        final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    }
}
