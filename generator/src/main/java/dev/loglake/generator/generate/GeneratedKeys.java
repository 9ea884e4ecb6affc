package dev.loglake.generator.generate;

import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.lake.RawLayout;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The names of what the generator writes, inside the lake's raw layout ({@link RawLayout}; see
 * generator/README.md). Names depend only on the date, hour and part, so a rerun overwrites the same objects
 * instead of adding new ones.
 */
public final class GeneratedKeys {
    public static final String GENERATED_NAME_PREFIX = "generated-";

    private GeneratedKeys() {}

    public static String generatedObject(
            LocalDate date, int hour, int part, OutputFormat format, Compression compression) {
        String extension = format.extension() + (format.text() ? compression.extension() : "");
        return GENERATED_NAME_PREFIX + date + "-" + RawLayout.twoDigits(hour) + "-"
                + String.format(Locale.ROOT, "%04d", part) + extension;
    }

    /** An hour's completion marker; its name is the fingerprint of the run that wrote it. */
    public static String markerKey(
            String keyPrefix, OutputFormat format, LocalDate date, int hour, String fingerprint) {
        return markerKey(keyPrefix, format, RawLayout.DEFAULT_SITE, date, hour, fingerprint);
    }

    /** An hour's completion marker in its site's marker folder. */
    public static String markerKey(
            String keyPrefix, OutputFormat format, String site, LocalDate date, int hour, String fingerprint) {
        return RawLayout.markerFolder(keyPrefix, format.folder(), site, date, hour) + fingerprint + ".done";
    }

    /** One key per set of arguments, so that a rerun overwrites its manifest. */
    public static String manifestKey(GenerateOptions options, String fingerprint) {
        return options.keyPrefix() + "manifests/generate/" + options.format().folder() + "/"
                + (options.site().equals(RawLayout.DEFAULT_SITE) ? "" : RawLayout.SITE_KEY + options.site() + "/")
                + "start=" + options.start()
                + "_days=" + options.days() + "_seed=" + options.seed() + "_" + fingerprint + ".json";
    }
}
