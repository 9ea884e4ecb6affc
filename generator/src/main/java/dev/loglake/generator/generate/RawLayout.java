package dev.loglake.generator.generate;

import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Keys in the raw bucket (see generator/README.md). The dt and hour of a data key are the arrival date and
 * hour: the hour whose object the line is in. Names depend only on the date, hour and part, so a rerun
 * overwrites the same objects instead of adding new ones.
 */
public final class RawLayout {
    public static final String REFERENCE_KEY = "reference/ip_blocks/ip_blocks.csv";
    public static final String QUARANTINE_PREFIX = "quarantine/ingest/";
    public static final String GENERATED_NAME_PREFIX = "generated-";

    private RawLayout() {}

    /** {@code access/<format>/dt=YYYY-MM-DD/hour=HH/} */
    public static String hourPrefix(String keyPrefix, String formatFolder, LocalDate date, int hour) {
        return keyPrefix + "access/" + formatFolder + "/dt=" + date + "/hour=" + twoDigits(hour) + "/";
    }

    public static String datePrefix(String keyPrefix, String formatFolder, LocalDate date) {
        return keyPrefix + "access/" + formatFolder + "/dt=" + date + "/";
    }

    public static String generatedObject(
            LocalDate date, int hour, int part, OutputFormat format, Compression compression) {
        String extension = format.extension() + (format.text() ? compression.extension() : "");
        return GENERATED_NAME_PREFIX + date + "-" + twoDigits(hour) + "-" + String.format(Locale.ROOT, "%04d", part)
                + extension;
    }

    /** Where an hour's completion markers live; a marker's name is the fingerprint of the run that wrote it. */
    public static String markerFolder(String keyPrefix, OutputFormat format, LocalDate date, int hour) {
        return keyPrefix + "markers/access/" + format.folder() + "/dt=" + date + "/hour=" + twoDigits(hour) + "/";
    }

    public static String markerKey(
            String keyPrefix, OutputFormat format, LocalDate date, int hour, String fingerprint) {
        return markerFolder(keyPrefix, format, date, hour) + fingerprint + ".done";
    }

    /** One key per set of arguments, so that a rerun overwrites its manifest. */
    public static String manifestKey(GenerateOptions options, String fingerprint) {
        return options.keyPrefix() + "manifests/generate/" + options.format().folder() + "/start=" + options.start()
                + "_days=" + options.days() + "_seed=" + options.seed() + "_" + fingerprint + ".json";
    }

    private static String twoDigits(int hour) {
        return String.format(Locale.ROOT, "%02d", hour);
    }
}
