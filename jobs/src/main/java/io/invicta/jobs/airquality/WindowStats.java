package io.invicta.jobs.airquality;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Count, mean, min and max of every pollutant reported in one window, at one sensor or over a zone: one record
 * per sensor (or zone) window instead of one per pollutant, so five to eight times fewer records travel to the
 * sink and to the zone windows. {@link #means()} gives the per-pollutant results. Serialized by
 * {@link WindowStatsSerializer}.
 */
@TypeInfo(WindowStatsSerializer.Factory.class)
public class WindowStats {

    /** The sensor, or null for a zone aggregate. */
    public String sensorId;
    public String zone;
    /** The window length as a label: 1m, 1h. */
    public String resolution;
    /** Window start, epoch milliseconds: the InfluxDB timestamp of the results. */
    public long windowStart;
    /** Window end (exclusive), epoch milliseconds. */
    public long windowEnd;
    public PollutantStats stats;

    public WindowStats() {
    }

    public WindowStats(String sensorId, String zone, String resolution, long windowStart, long windowEnd,
                       PollutantStats stats) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.resolution = resolution;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.stats = stats;
    }

    /** One result per pollutant that had readings in the window, in pollutant order. */
    public List<PollutantMean> means() {
        List<PollutantMean> means = new ArrayList<>(Pollutant.all().length);
        for (Pollutant p : Pollutant.all()) {
            PollutantMean mean = stats.mean(p, sensorId, zone, resolution, windowStart, windowEnd);
            if (mean != null) {
                means.add(mean);
            }
        }
        return means;
    }

    @Override
    public String toString() {
        return (sensorId == null ? "zone " + zone : sensorId + "@" + zone) + "/" + resolution + "@" + windowStart + means();
    }
}
