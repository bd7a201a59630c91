package io.invicta.jobs.windows;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The {@link Measures} of one window (or of one pre-aggregated slice), at one sensor or over a
 * zone: one record per sensor (or zone) window instead of one per variable, so several times fewer
 * records travel to the sinks and to the zone windows. Each job turns it into its own results
 * (pollutant means, noise levels, weather statistics). Serialized by {@link WindowStatsSerializer}.
 */
@TypeInfo(WindowStatsSerializer.Factory.class)
public class WindowStats {

    /** The sensor, or null for a zone aggregate. */
    public String sensorId;

    public String zone;

    /**
     * The window length as a label: 1m, 1h, 1d ("slice" for the pre-aggregated input of the
     * windows).
     */
    public String resolution;

    /** Window start, epoch milliseconds: the InfluxDB timestamp of the results. */
    public long windowStart;

    /** Window end (exclusive), epoch milliseconds. */
    public long windowEnd;

    public Measures stats;

    /**
     * Local days only: per variable, the hours of the day that had readings, as a mask (bit h: hour
     * h of the window); null for other windows. See {@link DayCoverage}.
     */
    public int[] hours;

    public WindowStats() {}

    public WindowStats(
            String sensorId,
            String zone,
            String resolution,
            long windowStart,
            long windowEnd,
            Measures stats) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.resolution = resolution;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.stats = stats;
    }

    @Override
    public String toString() {
        return (sensorId == null ? "zone " + zone : sensorId + "@" + zone)
                + "/"
                + resolution
                + "@"
                + windowStart
                + " variables "
                + Integer.toBinaryString(stats.reported());
    }
}
