package dev.loglake.core.config;

import dev.loglake.core.LoglakeException;
import java.util.List;

/**
 * How {@code loglake generate} stores its objects.
 *
 * @param partSizeMib the size of the parts of an object larger than one part, which goes up as an S3 multipart
 *     upload while it is written (a smaller object is one PutObject). At least S3's minimum part of 5 MiB; at most
 *     2047 MiB, because a part is buffered in one Java array (and each worker thread holds one)
 */
public record GenerateConfig(long partSizeMib) {
    public static final String PART_SIZE_MIB = "generate.part-size-mib";

    /** Above S3's minimum, and small enough that one buffer per concurrent upload bounds the memory. */
    public static final long DEFAULT_PART_SIZE_MIB = 8;

    /** S3 refuses smaller parts, except an upload's last one. */
    public static final long MIN_PART_SIZE_MIB = 5;

    /** The largest whole number of MiB that fits in one Java array (just under 2 GiB). */
    public static final long MAX_PART_SIZE_MIB = 2047;

    private static final long MIB = 1024 * 1024;

    static final List<ConfigProperty> PROPERTIES = List.of(ConfigProperty.of(
            PART_SIZE_MIB,
            Long.toString(DEFAULT_PART_SIZE_MIB),
            "MiB per part when 'loglake generate' uploads an object larger than one part (S3 multipart upload): "
                    + MIN_PART_SIZE_MIB + " (S3's minimum) to " + MAX_PART_SIZE_MIB + "."));

    public GenerateConfig {
        if (partSizeMib < MIN_PART_SIZE_MIB || partSizeMib > MAX_PART_SIZE_MIB) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected a part size in MiB from %d (S3's minimum part) to %d (the"
                            + " largest part one upload buffer holds).",
                    PART_SIZE_MIB, partSizeMib, MIN_PART_SIZE_MIB, MAX_PART_SIZE_MIB);
        }
    }

    public static GenerateConfig from(Settings settings) {
        String raw = settings.get(PART_SIZE_MIB).trim();
        try {
            return new GenerateConfig(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a whole number of MiB.",
                    PART_SIZE_MIB, raw, settings.source(PART_SIZE_MIB));
        }
    }

    /** The part size in bytes, as the upload buffers it. */
    public int partSizeBytes() {
        return Math.toIntExact(partSizeMib * MIB);
    }
}
