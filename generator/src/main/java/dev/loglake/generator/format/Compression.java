package dev.loglake.generator.format;

import com.github.luben.zstd.ZstdOutputStream;
import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * How text objects are compressed. The default levels favour speed: generating is compression-bound, and
 * the level-1 gzip output is still a quarter of the raw size.
 */
public enum Compression {
    GZIP(".gz", 1, 1, 9),
    ZSTD(".zst", 1, 1, 19),
    NONE("", 0, 0, 0);

    private static final int BUFFER = 64 * 1024;

    private final String extension;
    private final int defaultLevel;
    private final int minLevel;
    private final int maxLevel;

    Compression(String extension, int defaultLevel, int minLevel, int maxLevel) {
        this.extension = extension;
        this.defaultLevel = defaultLevel;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
    }

    /** The object name suffix, which Trino's Hive connector uses to pick the decompressor. */
    public String extension() {
        return extension;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    public void checkLevel(int level) {
        if (level < minLevel || level > maxLevel) {
            throw LoglakeException.user(
                    "Invalid compression level %d for %s. Expected %d to %d.",
                    level, name().toLowerCase(Locale.ROOT), minLevel, maxLevel);
        }
    }

    /** Wraps a stream; closing the wrapper finishes the compressed stream and closes {@code out}. */
    public OutputStream wrap(OutputStream out, int level) throws IOException {
        return switch (this) {
            case GZIP -> new LeveledGzipOutputStream(out, level);
            case ZSTD -> new ZstdOutputStream(out, level);
            case NONE -> out;
        };
    }

    public static Compression parse(String value) {
        for (Compression compression : values()) {
            if (compression.name().equalsIgnoreCase(value.trim())) {
                return compression;
            }
        }
        throw LoglakeException.user(
                "Unknown compression '%s'. Expected one of: %s.",
                value,
                Arrays.stream(values())
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** GZIPOutputStream fixes level 6; the deflater it owns takes another. The header's mtime stays 0. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER);
            def.setLevel(level);
        }
    }
}
