package dev.loglake.lake;

import dev.loglake.core.LoglakeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where things live in the raw bucket: the contract between what writes raw logs (the generator, ingest) and what
 * reads them (the transforms' raw tables). Every key may start with a key prefix, so that one bucket can hold
 * several lakes. The dt and hour of a data key are the arrival date and hour: the hour whose object the line is
 * in.
 */
public final class RawLayout {
    /**
     * The raw access logs: {@code access/<format>/[site=<site>/]dt=YYYY-MM-DD/hour=HH/<objects>}. The format
     * folder is the format the source declared (a staging/formats/ file of that name parses it); a source with a
     * name (ingest --site) has a site folder, and a source without one is the site {@link #DEFAULT_SITE}.
     */
    public static final String ACCESS_PREFIX = "access/";
    /** The folder of the combined-format logs, the generator's default format. */
    public static final String COMBINED_FOLDER = "combined";
    /** The folder name of a site, {@code site=<name>/}. */
    public static final String SITE_KEY = "site=";
    /** The site of the raw logs of a source written without a name (no site folder). */
    public static final String DEFAULT_SITE = "default";

    public static final String IP_BLOCKS_PREFIX = "reference/ip_blocks/";
    public static final String IP_BLOCKS_KEY = IP_BLOCKS_PREFIX + "ip_blocks.csv";
    /** Whole files that ingest could not read as logs. */
    public static final String INGEST_QUARANTINE_PREFIX = "quarantine/ingest/";
    /**
     * The sources read in place ({@code loglake source add}), one object each: {@code sources/<name>.properties}.
     * In the raw bucket, because every runner (the command line, the CronJobs, another machine) reads it already.
     */
    public static final String SOURCES_PREFIX = "sources/";
    /** Raw objects the transforms found unreadable (a truncated gzip stream), moved out of the raw layout. */
    public static final String OBJECT_QUARANTINE_PREFIX = "quarantine/objects/";

    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    private RawLayout() {}

    /**
     * A source's site name, checked: it is a folder name in the raw bucket and a partition value, so it is a
     * lower-case host-like name (letters, digits, '.', '-'), such as {@code shop} or {@code shop.example.com}.
     */
    public static String requireSite(String site) {
        if (site == null || !SITE.matcher(site).matches()) {
            throw LoglakeException.user(
                    "Invalid site name '%s': expected a lower-case letter or digit followed by up to 62 lower-case"
                            + " letters, digits, '.' or '-', such as shop or shop.example.com.",
                    site);
        }
        return site;
    }

    /** {@code access/<format>/} */
    public static String formatPrefix(String keyPrefix, String formatFolder) {
        return keyPrefix + ACCESS_PREFIX + formatFolder + "/";
    }

    /** {@code access/<format>/dt=YYYY-MM-DD/} */
    public static String datePrefix(String keyPrefix, String formatFolder, LocalDate date) {
        return formatPrefix(keyPrefix, formatFolder) + "dt=" + date + "/";
    }

    /** {@code access/<format>/dt=YYYY-MM-DD/hour=HH/} */
    public static String hourPrefix(String keyPrefix, String formatFolder, LocalDate date, int hour) {
        return datePrefix(keyPrefix, formatFolder, date) + "hour=" + twoDigits(hour) + "/";
    }

    /**
     * {@code access/<format>/site=<site>/dt=YYYY-MM-DD/hour=HH/}, or without the site folder for the
     * {@link #DEFAULT_SITE}.
     */
    public static String hourPrefix(String keyPrefix, String formatFolder, String site, LocalDate date, int hour) {
        return keyPrefix + ACCESS_PREFIX + sourceFolder(formatFolder, site) + "dt=" + date + "/hour=" + twoDigits(hour)
                + "/";
    }

    /**
     * A source's folder under a format: {@code <format>/} for the {@link #DEFAULT_SITE}, else
     * {@code <format>/site=<site>/}. The raw logs and the completion markers use the same one.
     */
    private static String sourceFolder(String formatFolder, String site) {
        requireSite(site);
        return formatFolder + "/" + (site.equals(DEFAULT_SITE) ? "" : SITE_KEY + site + "/");
    }

    /** Where an hour's completion markers live: {@code markers/access/<format>/dt=YYYY-MM-DD/hour=HH/}. */
    public static String markerFolder(String keyPrefix, String formatFolder, LocalDate date, int hour) {
        return markerFolder(keyPrefix, formatFolder, DEFAULT_SITE, date, hour);
    }

    /** {@code markers/access/<format>/[site=<site>/]dt=YYYY-MM-DD/hour=HH/}: the markers of one source's hour. */
    public static String markerFolder(String keyPrefix, String formatFolder, String site, LocalDate date, int hour) {
        return dayMarkerFolder(keyPrefix, formatFolder, site, date) + "hour=" + twoDigits(hour) + "/";
    }

    /** Where a day's completion markers live: {@code markers/access/<format>/dt=YYYY-MM-DD/}. */
    public static String dayMarkerFolder(String keyPrefix, String formatFolder, LocalDate date) {
        return dayMarkerFolder(keyPrefix, formatFolder, DEFAULT_SITE, date);
    }

    /** {@code markers/access/<format>/[site=<site>/]dt=YYYY-MM-DD/}: the markers of one source's day. */
    public static String dayMarkerFolder(String keyPrefix, String formatFolder, String site, LocalDate date) {
        return keyPrefix + "markers/" + ACCESS_PREFIX + sourceFolder(formatFolder, site) + "dt=" + date + "/";
    }

    /**
     * The marker that closes a raw day by hand, {@code markers/access/<format>/dt=YYYY-MM-DD/closed}: no more of
     * its lines are expected, whatever its hours' markers say (written by {@code loglake transform --close}).
     */
    public static String closedMarkerKey(String keyPrefix, String formatFolder, LocalDate date) {
        return closedMarkerKey(keyPrefix, formatFolder, DEFAULT_SITE, date);
    }

    /** {@code markers/access/<format>/[site=<site>/]dt=YYYY-MM-DD/closed}: one source's day closed by hand. */
    public static String closedMarkerKey(String keyPrefix, String formatFolder, String site, LocalDate date) {
        return dayMarkerFolder(keyPrefix, formatFolder, site, date) + "closed";
    }

    public static String twoDigits(int hour) {
        return String.format(Locale.ROOT, "%02d", hour);
    }
}
