package dev.loglake.generator.generate;

/** Derives independent seeds for each piece of work from the run's seed (SplitMix64 finaliser). */
final class Seeds {
    private Seeds() {}

    static long derive(long seed, long... parts) {
        long value = mix(seed);
        for (long part : parts) {
            value = mix(value ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return value;
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
