package io.invicta.tools.generate;

/**
 * Stateless, seeded pseudo-random numbers: a value is a pure function of (seed, entity, time,
 * salt), so a reading can be recomputed for any instant (stuck sensors, late events) and runs are
 * reproducible. SplitMix64 finaliser.
 */
final class Noise {

    private Noise() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    static double uniform(long seed, long entity, long time, int salt) {
        long h = mix(seed + 0x9e3779b97f4a7c15L * (entity + 1));
        h = mix(h ^ (time * 0x632be59bd9b4e019L + salt));
        return (h >>> 11) * 0x1.0p-53;
    }

    /**
     * Approximately standard normal (Irwin–Hall of 3 uniforms, rescaled: mean 0, sd 1, bounded ±3).
     */
    static double gauss(long seed, long entity, long time, int salt) {
        long h = mix(seed + 0x9e3779b97f4a7c15L * (entity + 1));
        h = mix(h ^ (time * 0x632be59bd9b4e019L + salt));
        double a = (h >>> 43) * 0x1.0p-21;
        double b = ((h >>> 22) & 0x1FFFFF) * 0x1.0p-21;
        double c = (h & 0x3FFFFF) * 0x1.0p-22;
        return (a + b + c - 1.5) * 2.0;
    }
}
