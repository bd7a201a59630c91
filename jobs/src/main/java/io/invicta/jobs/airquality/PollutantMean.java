package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.DayCoverage;

import java.util.Objects;

/**
 * Count, mean, min and max of one pollutant over one window, at one sensor or over a zone (all
 * readings of its sensors); a Flink POJO.
 */
public class PollutantMean {

    /** The sensor, or null for a zone aggregate. */
    public String sensorId;

    public String zone;

    /** The window length as a label: 1m, 1h. */
    public String resolution;

    public Pollutant pollutant;

    /** Window start, epoch milliseconds: the InfluxDB timestamp of the result. */
    public long windowStart;

    /** Window end (exclusive), epoch milliseconds. */
    public long windowEnd;

    public long count;
    public double mean;
    public double min;
    public double max;

    /** Local days only: the day's data coverage of this variable; null for other windows. */
    public DayCoverage coverage;

    public PollutantMean() {}

    public PollutantMean(
            String sensorId,
            String zone,
            String resolution,
            Pollutant pollutant,
            long windowStart,
            long count,
            double mean,
            double min,
            double max) {
        this(
                sensorId,
                zone,
                resolution,
                pollutant,
                windowStart,
                windowStart,
                count,
                mean,
                min,
                max);
    }

    public PollutantMean(
            String sensorId,
            String zone,
            String resolution,
            Pollutant pollutant,
            long windowStart,
            long windowEnd,
            long count,
            double mean,
            double min,
            double max) {
        this.windowEnd = windowEnd;
        this.sensorId = sensorId;
        this.zone = zone;
        this.resolution = resolution;
        this.pollutant = pollutant;
        this.windowStart = windowStart;
        this.count = count;
        this.mean = mean;
        this.min = min;
        this.max = max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PollutantMean m
                && count == m.count
                && windowStart == m.windowStart
                && Double.compare(mean, m.mean) == 0
                && Double.compare(min, m.min) == 0
                && Double.compare(max, m.max) == 0
                && Objects.equals(sensorId, m.sensorId)
                && Objects.equals(zone, m.zone)
                && Objects.equals(resolution, m.resolution)
                && pollutant == m.pollutant;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                sensorId, zone, resolution, pollutant, windowStart, count, mean, min, max);
    }

    @Override
    public String toString() {
        return (sensorId == null ? "zone " + zone : sensorId)
                + "/"
                + pollutant
                + "@"
                + windowStart
                + "/"
                + resolution
                + " n="
                + count
                + " mean="
                + mean
                + " min="
                + min
                + " max="
                + max;
    }
}
