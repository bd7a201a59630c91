package io.invicta.jobs.windows;

import io.invicta.domain.ExactSum;

import java.util.Arrays;

/**
 * Count, sum, min and max of each of a job's measured variables (arrays indexed by the variable's
 * number, see {@link Measurer}) over one window: one compact accumulator per sensor window instead
 * of one per (sensor, variable) window. Counts, sums, minima and maxima merge exactly, so zone
 * windows are built by merging the windows of their sensors, and every domain statistic the jobs
 * write is a function of them (a mean is sum/count, an energetic noise level a ratio of two sums, a
 * wind direction the angle of two summed vector components). Sums are {@link ExactSum}s, so a
 * window's results do not depend on the order its readings arrived in or on where pre-aggregation
 * cut them: the same input gives bit-identical points. A Flink POJO (kept in the sensor windows'
 * state).
 */
public class Measures {

    /** At most 31 variables: {@link #reported()} is an int mask. */
    public static final int MAX_VARIABLES = 31;

    public long[] count;
    public ExactSum[] sums;
    public double[] min;
    public double[] max;

    /** For Flink's POJO serializer; the arrays come with the fields. */
    public Measures() {
        this(0);
    }

    public Measures(int variables) {
        if (variables < 0 || variables > MAX_VARIABLES) {
            throw new IllegalArgumentException(
                    "between 0 and " + MAX_VARIABLES + " variables, not " + variables);
        }
        count = new long[variables];
        sums = new ExactSum[variables];
        for (int v = 0; v < variables; v++) {
            sums[v] = new ExactSum();
        }
        min = filled(variables, Double.POSITIVE_INFINITY);
        max = filled(variables, Double.NEGATIVE_INFINITY);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    public int size() {
        return count.length;
    }

    public void add(int variable, double value) {
        count[variable]++;
        sums[variable].add(value);
        min[variable] = Math.min(min[variable], value);
        max[variable] = Math.max(max[variable], value);
    }

    /** Adds the readings of {@code other} of the variables in {@code mask} (bit v: variable v). */
    public void merge(Measures other, int mask) {
        for (int v = 0; v < other.count.length; v++) {
            if (other.count[v] > 0 && (mask & (1 << v)) != 0) {
                count[v] += other.count[v];
                sums[v].add(other.sums[v]);
                min[v] = Math.min(min[v], other.min[v]);
                max[v] = Math.max(max[v], other.max[v]);
            }
        }
    }

    /** The variables with readings, as a mask (bit v: variable v). */
    public int reported() {
        int mask = 0;
        for (int v = 0; v < count.length; v++) {
            if (count[v] > 0) {
                mask |= 1 << v;
            }
        }
        return mask;
    }

    /** The sum of a variable's readings, rounded once. */
    public double sum(int variable) {
        return sums[variable].value();
    }

    public double mean(int variable) {
        return sum(variable) / count[variable];
    }

    private Measures(long[] count, ExactSum[] sums, double[] min, double[] max) {
        this.count = count;
        this.sums = sums;
        this.min = min;
        this.max = max;
    }

    /**
     * An independent copy: what is emitted must not change when the window takes further readings.
     */
    public Measures copy() {
        ExactSum[] sumsCopy = new ExactSum[sums.length];
        for (int v = 0; v < sums.length; v++) {
            sumsCopy[v] = sums[v].copy();
        }
        return new Measures(count.clone(), sumsCopy, min.clone(), max.clone());
    }
}
