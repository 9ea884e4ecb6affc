package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.GenerateVolumeConfig;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.model.Incident;
import dev.loglake.generator.model.IncidentKind;
import dev.loglake.lake.RawLayout;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A validated generate request. Every failure names the option, the value and what is expected, and
 * happens before anything is written.
 *
 * @param keyPrefix prepended to every key (empty for the lake's layout; the benchmark writes elsewhere)
 * @param maxEventsPerObject an hour with more lines is split into several objects, which bounds memory
 * @param site the site the logs are of: written under {@code access/<format>/site=<site>/} (no site folder for
 *     {@link RawLayout#DEFAULT_SITE})
 */
public record GenerateOptions(
        LocalDate start,
        int days,
        long eventsPerDay,
        long seed,
        OutputFormat format,
        Compression compression,
        int compressionLevel,
        double lateShare,
        double malformedShare,
        List<Incident> incidents,
        int threads,
        long maxEventsPerObject,
        String keyPrefix,
        Optional<java.nio.file.Path> manifestFile,
        String site) {
    public static final int MAX_DAYS = 3660;
    public static final long MAX_EVENTS_PER_DAY = GenerateVolumeConfig.MAX_EVENTS_PER_DAY;
    public static final double MAX_SHARE = 0.5;
    public static final long DEFAULT_MAX_EVENTS_PER_OBJECT = 500_000;

    public GenerateOptions {
        requireNonNull(start, "start is null");
        requireNonNull(format, "format is null");
        requireNonNull(compression, "compression is null");
        incidents = List.copyOf(incidents);
        requireNonNull(keyPrefix, "keyPrefix is null");
        requireNonNull(manifestFile, "manifestFile is null");
        RawLayout.requireSite(site);
        if (start.getYear() < 2000 || start.getYear() > 9000) {
            throw LoglakeException.user("Invalid --start %s. Expected a date from year 2000 to 9000.", start);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw LoglakeException.user(
                    "Invalid --days %d. Expected 1 to %d (or an --end on or after --start).", days, MAX_DAYS);
        }
        if (eventsPerDay < 0 || eventsPerDay > MAX_EVENTS_PER_DAY) {
            throw LoglakeException.user(
                    "Invalid --events-per-day %d. Expected 0 to %,d.", eventsPerDay, MAX_EVENTS_PER_DAY);
        }
        checkShare("--late-share", lateShare);
        checkShare("--malformed-share", malformedShare);
        compression.checkLevel(compressionLevel);
        if (threads < 1 || threads > 256) {
            throw LoglakeException.user("Invalid --threads %d. Expected 1 to 256.", threads);
        }
        if (maxEventsPerObject < 1_000) {
            throw LoglakeException.user(
                    "Invalid --max-events-per-object %d. Expected at least 1000.", maxEventsPerObject);
        }
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("key prefix must end with '/': " + keyPrefix);
        }
    }

    /** The options of the default site (no site folder). */
    public GenerateOptions(
            LocalDate start,
            int days,
            long eventsPerDay,
            long seed,
            OutputFormat format,
            Compression compression,
            int compressionLevel,
            double lateShare,
            double malformedShare,
            List<Incident> incidents,
            int threads,
            long maxEventsPerObject,
            String keyPrefix,
            Optional<java.nio.file.Path> manifestFile) {
        this(
                start,
                days,
                eventsPerDay,
                seed,
                format,
                compression,
                compressionLevel,
                lateShare,
                malformedShare,
                incidents,
                threads,
                maxEventsPerObject,
                keyPrefix,
                manifestFile,
                RawLayout.DEFAULT_SITE);
    }

    /** These options for another site. */
    public GenerateOptions withSite(String site) {
        return new GenerateOptions(
                start,
                days,
                eventsPerDay,
                seed,
                format,
                compression,
                compressionLevel,
                lateShare,
                malformedShare,
                incidents,
                threads,
                maxEventsPerObject,
                keyPrefix,
                manifestFile,
                site);
    }

    public LocalDate end() {
        return start.plusDays(days - 1L);
    }

    /** The number of days from start to end, both included; fails if the end is before the start. */
    public static int daysBetween(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw LoglakeException.user(
                    "Invalid --end %s: it is before --start %s. Expected an end date on or after the start.",
                    end, start);
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw LoglakeException.user(
                    "Invalid --end %s: %d days from --start. Expected at most %d.", end, days, MAX_DAYS);
        }
        return (int) days;
    }

    /**
     * What {@code loglake generate} writes with no flags but the dates and the volume: combined lines, gzip at
     * its default level, seed 42, the default late and malformed shares and incidents, one thread per core. The
     * demo and the benchmark use it, so that both show what a user's first run does.
     */
    public static GenerateOptions standard(LocalDate start, int days, long eventsPerDay) {
        return new GenerateOptions(
                start,
                days,
                eventsPerDay,
                42,
                OutputFormat.COMBINED,
                Compression.GZIP,
                Compression.GZIP.defaultLevel(),
                0.002,
                0.0005,
                defaultIncidents(start, days),
                Runtime.getRuntime().availableProcessors(),
                DEFAULT_MAX_EVENTS_PER_OBJECT,
                "",
                Optional.empty());
    }

    /**
     * The incidents of a run without --incident flags: an error burst on checkout, the cart and the API on the
     * first day at 13:00 UTC, and a latency spike on search and product pages on the last day at 19:00 UTC.
     */
    public static List<Incident> defaultIncidents(LocalDate start, int days) {
        LocalDate last = start.plusDays(days - 1L);
        return List.of(
                new Incident(
                        IncidentKind.ERRORS,
                        start.atTime(13, 0).toInstant(ZoneOffset.UTC),
                        Duration.ofMinutes(30),
                        List.of("/checkout", "/cart", "/api/v1/")),
                new Incident(
                        IncidentKind.LATENCY,
                        last.atTime(19, 0).toInstant(ZoneOffset.UTC),
                        Duration.ofMinutes(45),
                        List.of("/search", "/product/")));
    }

    private static void checkShare(String option, double value) {
        if (!(value >= 0 && value <= MAX_SHARE)) {
            throw LoglakeException.user(
                    "Invalid %s %s. Expected a fraction from 0 to %s (0.01 = 1%%).", option, value, MAX_SHARE);
        }
    }
}
