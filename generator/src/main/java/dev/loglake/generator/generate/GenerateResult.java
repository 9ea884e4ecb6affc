package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.manifest.Manifest;
import java.time.Duration;

/**
 * A completed run.
 *
 * @param hoursWritten hours generated and uploaded by this run
 * @param hoursSkipped hours a previous run with the same arguments had completed
 */
public record GenerateResult(
        Manifest manifest,
        String manifestKey,
        int hoursWritten,
        int hoursSkipped,
        long linesWritten,
        long storedBytes,
        Duration elapsed) {
    public GenerateResult {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(manifestKey, "manifestKey is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
