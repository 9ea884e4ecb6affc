package dev.loglake.generator.generate;

import java.util.Locale;

/**
 * Events per second of each stage, measured in one run on one machine.
 *
 * @param generateAndEncode generating events and writing their lines, without compressing or storing
 * @param compressionLimit compressing the same lines with the same codec and level on the same threads:
 *     the fastest an end-to-end run can be on this machine
 * @param endToEnd generating, compressing and uploading to the object store
 */
public record BenchmarkResult(
        double generateAndEncode, double compressionLimit, double endToEnd, double rawMegabytesPerSecond, int threads) {
    public double ratio() {
        return endToEnd / compressionLimit;
    }

    public String report() {
        return String.format(
                Locale.ROOT,
                "threads                          %d%n"
                        + "generate + encode only           %,12.0f events/s%n"
                        + "compression limit (same codec)   %,12.0f events/s  (%,.0f MB/s of raw lines)%n"
                        + "end to end into the object store %,12.0f events/s%n"
                        + "end to end / compression limit   %11.0f%%%n",
                threads,
                generateAndEncode,
                compressionLimit,
                rawMegabytesPerSecond,
                endToEnd,
                100 * ratio());
    }
}
