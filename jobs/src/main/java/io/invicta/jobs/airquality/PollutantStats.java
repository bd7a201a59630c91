package io.invicta.jobs.airquality;

import java.util.Arrays;

/**
 * Count, sum, min and max of every {@link Pollutant} (arrays indexed by its ordinal) over one window: one
 * compact accumulator per sensor window instead of one per (sensor, pollutant) window. Counts, sums, minima and
 * maxima merge exactly, so zone windows are built by merging the windows of their sensors. A Flink POJO.
 */
public class PollutantStats {

    private static final int N = Pollutant.values().length;

    public long[] count = new long[N];
    public double[] sum = new double[N];
    public double[] min = filled(Double.POSITIVE_INFINITY);
    public double[] max = filled(Double.NEGATIVE_INFINITY);

    public PollutantStats() {
    }

    private static double[] filled(double value) {
        double[] a = new double[N];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * Adds one observation's values: bit p of {@code present} says pollutant ordinal p was reported, its value
     * being the next one in {@code values} (packed in ordinal order); only pollutants in {@code mask} count.
     */
    void add(int present, double[] values, int mask) {
        int next = 0;
        for (int p = 0; p < N; p++) {
            int bit = 1 << p;
            if ((present & bit) != 0) {
                double v = values[next++];
                if ((mask & bit) != 0) {
                    count[p]++;
                    sum[p] += v;
                    min[p] = Math.min(min[p], v);
                    max[p] = Math.max(max[p], v);
                }
            }
        }
    }

    /** Adds {@code other}'s readings to these. */
    void merge(PollutantStats other) {
        for (int p = 0; p < N; p++) {
            if (other.count[p] > 0) {
                count[p] += other.count[p];
                sum[p] += other.sum[p];
                min[p] = Math.min(min[p], other.min[p]);
                max[p] = Math.max(max[p], other.max[p]);
            }
        }
    }

    /** An independent copy: what is emitted must not change when the window takes further readings. */
    PollutantStats copy() {
        PollutantStats c = new PollutantStats();
        c.count = count.clone();
        c.sum = sum.clone();
        c.min = min.clone();
        c.max = max.clone();
        return c;
    }

    /** The window result of one pollutant, or null when it had no reading. */
    PollutantMean mean(Pollutant p, String sensorId, String zone, String resolution, long start, long end) {
        int i = p.ordinal();
        return count[i] == 0 ? null
                : new PollutantMean(sensorId, zone, resolution, p, start, end, count[i], sum[i] / count[i], min[i], max[i]);
    }
}
