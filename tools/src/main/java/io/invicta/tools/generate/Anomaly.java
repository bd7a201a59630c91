package io.invicta.tools.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One injected anomaly: either a window anomaly (an entity or a zone misbehaves between {@link
 * #start} and {@link #end}, event time) or a rate anomaly (a fraction of the events, chosen by a
 * seeded geometric sampler). Mutable only in its counters, which the generator updates and the
 * ground truth reports.
 */
final class Anomaly {

    /** The kinds of anomalies, by their CLI name. */
    enum Kind {
        POLLUTION_EPISODE(true),
        CONGESTION(true),
        SILENT(true),
        STUCK(true),
        OUT_OF_ORDER(false),
        LATE(false),
        DUPLICATE(false),
        CORRUPT(false);

        final boolean windowed;

        Kind(boolean windowed) {
            this.windowed = windowed;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.cliName().equals(s.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException(
                    "unknown anomaly '"
                            + s
                            + "'; one of pollution-episode, congestion, "
                            + "silent, stuck, out-of-order, late, duplicate, corrupt");
        }
    }

    final Kind kind;

    /** Index in the order of the --anomaly options (stable, used in seeds). */
    final int index;

    // Window anomalies: event-time window [start, end), the type and either a zone or one entity.
    long start;
    long end;
    EventType type;
    int zone = -1;
    int entity = -1;
    double no2Added;
    double pm10Added;
    double speedFactor = 1;
    double occupancyAdded;
    double intensityFactor = 1;

    /** Events affected (modified, frozen, or suppressed for silent sensors). */
    long affected;

    long firstAffected = Long.MAX_VALUE;
    long lastAffected = Long.MIN_VALUE;

    // Rate anomalies.
    double rate;
    long minLagMs;
    long maxLagMs;
    long nextHit = Long.MAX_VALUE;
    long hits;
    private SplittableRandom random;

    Anomaly(Kind kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    boolean covers(long t) {
        return t >= start && t < end;
    }

    void countAffected(long t) {
        affected++;
        firstAffected = Math.min(firstAffected, t);
        lastAffected = Math.max(lastAffected, t);
    }

    /**
     * Starts the sampler of a rate anomaly: the first hit is after a geometric number of events.
     */
    void startSampling(long seed) {
        random = new SplittableRandom(seed ^ (0xA5A5_0000L + index * 0x9E3779B97F4A7C15L));
        nextHit = rate <= 0 ? Long.MAX_VALUE : gap();
    }

    /** Records a hit at event sequence number {@code seq} and draws the next one. */
    void hit(long seq) {
        hits++;
        nextHit = seq + 1 + gap();
    }

    /** A lag in [minLag, maxLag], ms. */
    long drawLag() {
        return minLagMs + (maxLagMs > minLagMs ? random.nextLong(maxLagMs - minLagMs + 1) : 0);
    }

    int drawInt(int bound) {
        return random.nextInt(bound);
    }

    private long gap() {
        if (rate >= 1) {
            return 0;
        }
        double u = random.nextDouble();
        return (long) Math.floor(Math.log1p(-u) / Math.log1p(-rate));
    }
}
