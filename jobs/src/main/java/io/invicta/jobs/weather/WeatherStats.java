package io.invicta.jobs.weather;

/** Count, mean, min, max (and total) of one weather variable over a window, at a station or a zone. A POJO. */
public class WeatherStats {

    /** The station, or null for a zone aggregate. */
    public String sensorId;
    public String zone;
    public String variable;
    public String resolution;
    public long windowStart;
    public long count;
    public double sum;
    public double mean;
    public double min;
    public double max;

    public WeatherStats() {
    }
}
