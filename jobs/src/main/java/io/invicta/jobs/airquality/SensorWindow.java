package io.invicta.jobs.airquality;

import java.util.HashMap;
import java.util.Map;

/**
 * One open window of one sensor (state of {@link SensorWindows}): the readings of all its pollutants, and the
 * zone of the latest reading, which tags the sensor's result. A sensor whose zone changes within a window (a
 * geohash cell boundary) also keeps its readings per zone, so each zone counts exactly the readings made in it.
 * A Flink POJO.
 */
public class SensorWindow extends OpenWindow {

    /** Index of the window's {@link WindowFamily} in the operator's list. */
    public int family;
    public String zone;
    public PollutantStats total = new PollutantStats();
    /** Readings per zone; null while every reading came from {@link #zone}. */
    public Map<String, PollutantStats> byZone;

    public SensorWindow() {
    }

    SensorWindow(int family, long start, long end) {
        super(start, end);
        this.family = family;
    }

    /** Adds a slice of the sensor's readings (of the pollutants in {@code mask}) made in {@code sliceZone}. */
    void add(String sliceZone, PollutantStats slice, int mask) {
        if (zone != null && !zone.equals(sliceZone)) {
            if (byZone == null) {
                byZone = new HashMap<>();
                byZone.put(zone, total.copy());
            }
        }
        zone = sliceZone;
        total.merge(slice, mask);
        if (byZone != null) {
            byZone.computeIfAbsent(sliceZone, z -> new PollutantStats()).merge(slice, mask);
        }
    }
}
