package io.invicta.jobs.weather;

import io.invicta.jobs.windows.DayCoverage;

/**
 * Count, mean, min, max (and total) of one weather variable over a window, at a station or a zone.
 * A POJO.
 */
public class WeatherStats {

    /** The station, or null for a zone aggregate. */
    public String sensorId;

    public String zone;
    public String variable;
    public String resolution;
    public long windowStart;
    public long count;
    public double sum;

    /**
     * Arithmetic mean; for wind direction the vector mean in degrees [0, 360), NaN when undefined.
     */
    public double mean;

    public double min;
    public double max;

    /** Local days only: the day's data coverage of this variable; null for other windows. */
    public DayCoverage coverage;

    /**
     * Wind direction only: length of the mean unit vector, 0 (directions cancel) to 1 (all agree);
     * else NaN.
     */
    public double resultantLength = Double.NaN;

    public WeatherStats() {}
}
