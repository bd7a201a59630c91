package io.invicta.domain;

/**
 * A bounded, deterministic streaming estimate of percentiles of a sensor's speeds: counts in 1 km/h
 * bins from 0 to {@value #MAX_KMH} km/h (a speed is rounded to the nearest km/h; faster ones count
 * in the top bin). State is {@value #MAX_KMH}+1 counters whatever the number of observations, and
 * the estimate is exact to within 0.5 km/h of the nearest-rank percentile of the observed speeds. A
 * Flink POJO, so it can live in keyed state.
 *
 * <p>When a bin would overflow, every count is halved: the shape, and so the percentiles, stay the
 * same.
 */
public class SpeedHistogram {

    public static final int MAX_KMH = 200;

    /** Count of speeds per km/h, index = rounded speed. */
    public int[] bins = new int[MAX_KMH + 1];

    /** Every speed ever added (not halved): the warm-up test needs the true number. */
    public long observations;

    public SpeedHistogram() {}

    /** Adds one speed; NaN and negative speeds are the caller's to refuse. */
    public void add(double kmh) {
        int bin = (int) Math.min(MAX_KMH, Math.max(0, Math.round(kmh)));
        if (bins[bin] == Integer.MAX_VALUE) {
            for (int i = 0; i < bins.length; i++) {
                bins[i] = bins[i] / 2;
            }
        }
        bins[bin]++;
        observations++;
    }

    /**
     * The nearest-rank {@code percentile} (0 &lt; p ≤ 100) in km/h: the least speed at or below
     * which at least p % of the counted speeds lie. NaN when nothing was added.
     */
    public double percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("Percentile must be in (0, 100], got " + percentile);
        }
        long total = 0;
        for (int count : bins) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        long seen = 0;
        for (int kmh = 0; kmh < bins.length; kmh++) {
            seen += bins[kmh];
            if (seen >= rank) {
                return kmh;
            }
        }
        return MAX_KMH;
    }
}
