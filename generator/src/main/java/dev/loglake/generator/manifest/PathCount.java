package dev.loglake.generator.manifest;

import static java.util.Objects.requireNonNull;

/** How many valid events requested one path (the target up to the first '?'). */
public record PathCount(String path, long count) {
    public PathCount {
        requireNonNull(path, "path is null");
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
    }
}
