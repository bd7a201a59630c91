package io.invicta.jobs.airquality;

/** Running count, sum, min and max; a Flink POJO so window state is compact. */
public class MeanAccumulator {

    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    MeanAccumulator merge(MeanAccumulator other) {
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    double mean() {
        return sum / count;
    }
}
