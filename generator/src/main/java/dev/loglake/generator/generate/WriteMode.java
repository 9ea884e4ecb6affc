package dev.loglake.generator.generate;

/** How far an hour goes after generating its events. */
public enum WriteMode {
    /** Count only: the hour is already stored (its marker matches), the manifest still needs its numbers. */
    COUNT,
    /** Encode the lines but store nothing: the benchmark's generation-and-encoding measure. */
    ENCODE,
    /** Encode, compress and upload. */
    UPLOAD
}
