package io.invicta.domain;

import java.util.Arrays;

/**
 * The exact sum of finite doubles, rounded once when it is read: whatever the order in which values
 * are added and however they are split into partial sums that are merged later, {@link #value()} is
 * the same double to the last bit (the correctly rounded, round-half-even, exact sum).
 *
 * <p>Why: a stream's partial sums are cut where watermarks, checkpoints, pre-aggregation slices and
 * arrival timing happen to fall, so a plain {@code double} accumulator gives a replay, a recovery
 * or another parallelism a result that differs in the last bits, and InfluxDB then overwrites a
 * point with another value. Exact summation makes every run of the same input write bit-identical
 * points.
 *
 * <p>How: Shewchuk's non-overlapping expansions ("Adaptive precision floating-point arithmetic",
 * 1997), as Python's {@code math.fsum} uses them. The exact sum is kept as a few doubles of
 * increasing magnitude whose bits do not overlap (for real data, 1 to 3 of them); each addition is
 * a chain of error-free two-sums. Measured cost: see docs/BENCHMARKS.md.
 *
 * <p>A Flink POJO (kept in window state): {@code partials[0..terms)} hold the expansion, the rest
 * of the array is spare capacity. Values must be finite; a non-finite value or a sum beyond the
 * double range makes {@link #value()} NaN or infinite, as plain addition would.
 */
public class ExactSum {

    private static final double[] NONE = new double[0];

    public double[] partials = NONE;
    public int terms;

    public ExactSum() {}

    /** Adds {@code x} exactly. */
    public void add(double x) {
        int kept = 0;
        for (int j = 0; j < terms; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, Math.max(2, 2 * partials.length));
        }
        partials[kept] = x;
        terms = kept + 1;
    }

    /** Adds the exact sum {@code other} (unchanged). */
    public void add(ExactSum other) {
        for (int i = 0; i < other.terms; i++) {
            add(other.partials[i]);
        }
    }

    /** The exact sum rounded to the nearest double (ties to even); 0 when nothing was added. */
    public double value() {
        int n = terms;
        if (n == 0) {
            return 0.0;
        }
        double hi = partials[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // hi + lo is exact; when lo is half an ulp of hi, the partials below decide the rounding
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }

    public ExactSum copy() {
        ExactSum c = new ExactSum();
        c.partials = terms == 0 ? NONE : Arrays.copyOf(partials, terms);
        c.terms = terms;
        return c;
    }

    /** The expansion's terms, smallest first (for serializers). */
    public double term(int i) {
        return partials[i];
    }

    /** An exact sum from terms written by {@link #term}: a non-overlapping expansion. */
    public static ExactSum ofTerms(double[] terms) {
        ExactSum s = new ExactSum();
        s.partials = terms;
        s.terms = terms.length;
        return s;
    }

    @Override
    public String toString() {
        return Double.toString(value());
    }
}
