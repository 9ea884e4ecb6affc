package dev.loglake.generator.format;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the generator writes; the name is also the folder under access/ in the raw bucket. */
public enum OutputFormat {
    COMBINED("combined", ".log"),
    JSON("json", ".json"),
    PARQUET("parquet", ".parquet");

    private final String folder;
    private final String extension;

    OutputFormat(String folder, String extension) {
        this.folder = folder;
        this.extension = extension;
    }

    public String folder() {
        return folder;
    }

    public String extension() {
        return extension;
    }

    /** Text formats are compressed as a whole object and can hold malformed lines; Parquet compresses pages. */
    public boolean text() {
        return this != PARQUET;
    }

    public LineEncoder newEncoder() {
        return switch (this) {
            case COMBINED -> new CombinedEncoder();
            case JSON -> new JsonEncoder();
            case PARQUET -> throw new IllegalStateException("Parquet is not a line format");
        };
    }

    public static OutputFormat parse(String value) {
        for (OutputFormat format : values()) {
            if (format.folder.equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw LoglakeException.user(
                "Unknown format '%s'. Expected one of: %s.",
                value, Arrays.stream(values()).map(OutputFormat::folder).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return folder.toLowerCase(Locale.ROOT);
    }
}
