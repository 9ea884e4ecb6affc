package dev.loglake.lake;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where things live in the raw bucket: the contract between what writes raw logs (the generator, ingest) and what
 * reads them (the transforms' raw tables). Every key may start with a key prefix, so that one bucket can hold
 * several lakes. The dt and hour of a data key are the arrival date and hour: the hour whose object the line is
 * in.
 */
public final class RawLayout {
    /** The raw access logs: {@code access/<format folder>/dt=YYYY-MM-DD/hour=HH/<objects>}. */
    public static final String ACCESS_PREFIX = "access/";
    /** The folder of the combined-format logs, the format the transforms read. */
    public static final String COMBINED_FOLDER = "combined";

    public static final String IP_BLOCKS_PREFIX = "reference/ip_blocks/";
    public static final String IP_BLOCKS_KEY = IP_BLOCKS_PREFIX + "ip_blocks.csv";
    /** Whole files that ingest could not read as logs. */
    public static final String INGEST_QUARANTINE_PREFIX = "quarantine/ingest/";
    /** Raw objects the transforms found unreadable (a truncated gzip stream), moved out of the raw layout. */
    public static final String OBJECT_QUARANTINE_PREFIX = "quarantine/objects/";

    private RawLayout() {}

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

    /** Where an hour's completion markers live: {@code markers/access/<format>/dt=YYYY-MM-DD/hour=HH/}. */
    public static String markerFolder(String keyPrefix, String formatFolder, LocalDate date, int hour) {
        return keyPrefix + "markers/" + ACCESS_PREFIX + formatFolder + "/dt=" + date + "/hour=" + twoDigits(hour) + "/";
    }

    public static String twoDigits(int hour) {
        return String.format(Locale.ROOT, "%02d", hour);
    }
}
