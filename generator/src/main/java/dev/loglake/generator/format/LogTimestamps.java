package dev.loglake.generator.format;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Writes timestamps without java.time on the hot path: the date part is formatted once per day and cached,
 * the time of day is three pairs of digits. Not thread-safe: one per encoder.
 */
final class LogTimestamps {
    private static final byte[] UTC_SUFFIX = " +0000".getBytes(StandardCharsets.US_ASCII);

    private long cachedDay = Long.MIN_VALUE;
    private byte[] cachedCombinedDate;
    private byte[] cachedIsoDate;

    /** {@code dd/MMM/yyyy:HH:mm:ss +0000}, the combined log format's time (in UTC). */
    void appendCombined(long epochSecond, LineBuffer out) {
        refresh(epochSecond);
        out.append(cachedCombinedDate);
        appendTime(epochSecond, out);
        out.append(UTC_SUFFIX);
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, ISO 8601 in UTC. */
    void appendIso(long epochSecond, LineBuffer out) {
        refresh(epochSecond);
        out.append(cachedIsoDate);
        appendTime(epochSecond, out);
        out.append((byte) 'Z');
    }

    private static void appendTime(long epochSecond, LineBuffer out) {
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        out.appendTwoDigits(secondOfDay / 3600).append((byte) ':');
        out.appendTwoDigits(secondOfDay / 60 % 60).append((byte) ':');
        out.appendTwoDigits(secondOfDay % 60);
    }

    private void refresh(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            String month = date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            cachedCombinedDate = String.format(
                            Locale.ROOT, "%02d/%s/%04d:", date.getDayOfMonth(), month, date.getYear())
                    .getBytes(StandardCharsets.US_ASCII);
            cachedIsoDate = (date + "T").getBytes(StandardCharsets.US_ASCII);
            cachedDay = day;
        }
    }
}
