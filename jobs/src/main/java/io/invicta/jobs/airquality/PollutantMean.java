package io.invicta.jobs.airquality;

import java.util.Objects;

/** Count, mean, min and max of one pollutant at one sensor over one window; a Flink POJO. */
public class PollutantMean {

    public String sensorId;
    public Pollutant pollutant;
    /** Window start, epoch milliseconds: the InfluxDB timestamp of the result. */
    public long windowStart;
    public long count;
    public double mean;
    public double min;
    public double max;

    public PollutantMean() {
    }

    public PollutantMean(String sensorId, Pollutant pollutant, long windowStart, long count, double mean,
                         double min, double max) {
        this.sensorId = sensorId;
        this.pollutant = pollutant;
        this.windowStart = windowStart;
        this.count = count;
        this.mean = mean;
        this.min = min;
        this.max = max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PollutantMean m && count == m.count && windowStart == m.windowStart
                && Double.compare(mean, m.mean) == 0 && Double.compare(min, m.min) == 0
                && Double.compare(max, m.max) == 0 && Objects.equals(sensorId, m.sensorId)
                && pollutant == m.pollutant;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensorId, pollutant, windowStart, count, mean, min, max);
    }

    @Override
    public String toString() {
        return sensorId + "/" + pollutant + "@" + windowStart + " n=" + count + " mean=" + mean
                + " min=" + min + " max=" + max;
    }
}
