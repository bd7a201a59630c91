package io.invicta.jobs.noise;

import io.invicta.jobs.windows.DayCoverage;

/**
 * LAeq (energetic, duration-weighted) and LAmax of a sensor or a zone over one window; a Flink
 * POJO.
 */
public class NoiseLevel {

    /** The sensor, or null for a zone aggregate. */
    public String sensorId;

    public String zone;
    public String resolution;
    public long windowStart;
    public long count;
    public double laeq;

    /** NaN when no observation reported LAmax. */
    public double lamax;

    /** Local days only: the day's data coverage of this variable; null for other windows. */
    public DayCoverage coverage;

    public NoiseLevel() {}

    public NoiseLevel(
            String sensorId,
            String zone,
            String resolution,
            long windowStart,
            long count,
            double laeq,
            double lamax) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.resolution = resolution;
        this.windowStart = windowStart;
        this.count = count;
        this.laeq = laeq;
        this.lamax = lamax;
    }
}
