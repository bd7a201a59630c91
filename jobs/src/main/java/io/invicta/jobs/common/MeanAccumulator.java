package io.invicta.jobs.common;

/** Running count, sum, min and max; a Flink POJO so window state is compact. */
public class MeanAccumulator {

    /** Zone of the last reading added (a sensor's zone does not change within a window). */
    public String zone;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;

    public void add(String zone, double value) {
        this.zone = zone;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public MeanAccumulator merge(MeanAccumulator other) {
        zone = zone != null ? zone : other.zone;
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    public double mean() {
        return sum / count;
    }
}
