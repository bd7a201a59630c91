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

    void add(int pollutant, double value) {
        count[pollutant]++;
        sum[pollutant] += value;
        min[pollutant] = Math.min(min[pollutant], value);
        max[pollutant] = Math.max(max[pollutant], value);
    }

    /** Adds the readings of {@code other} of the pollutants in {@code mask} (bit p: pollutant ordinal p). */
    void merge(PollutantStats other, int mask) {
        for (int p = 0; p < N; p++) {
            if (other.count[p] > 0 && (mask & (1 << p)) != 0) {
                count[p] += other.count[p];
                sum[p] += other.sum[p];
                min[p] = Math.min(min[p], other.min[p]);
                max[p] = Math.max(max[p], other.max[p]);
            }
        }
    }

    /** The pollutants with readings, as a mask (bit p: pollutant ordinal p). */
    int reported() {
        int mask = 0;
        for (int p = 0; p < N; p++) {
            if (count[p] > 0) {
                mask |= 1 << p;
            }
        }
        return mask;
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
