package io.invicta.jobs.windows;

import java.util.HashMap;
import java.util.Map;

/**
 * One open window of one sensor (state of {@link SensorWindows}): the readings of all its
 * variables, and the zone of the latest reading, which tags the sensor's result. A sensor whose
 * zone changes within a window (a geohash cell boundary) also keeps its readings per zone, so each
 * zone counts exactly the readings made in it. A Flink POJO.
 */
public class SensorWindow extends OpenWindow {

    private static final long HOUR_MS = 3_600_000L;

    /** Index of the window's {@link WindowFamily} in the operator's list. */
    public int family;

    public String zone;

    /** Null until the first slice arrives (its size is the measurer's). */
    public Measures total;

    /** Readings per zone; null while every reading came from {@link #zone}. */
    public Map<String, Measures> byZone;

    /**
     * Local days only, per variable: bit h set when hour h of the window had readings (see {@link
     * DayCoverage}); null for other windows.
     */
    public int[] hours;

    public SensorWindow() {}

    SensorWindow(int family, long start, long end) {
        super(start, end);
        this.family = family;
    }

    /**
     * Adds a slice of the sensor's readings (of the variables in {@code mask}) made in {@code
     * sliceZone}, starting at {@code sliceStart}; {@code trackHours}: note the hour it falls in.
     */
    void add(String sliceZone, Measures slice, int mask, long sliceStart, boolean trackHours) {
        if (total == null) {
            total = new Measures(slice.size());
        }
        if (trackHours) {
            hours = DayCoverage.note(hours, slice, mask, (int) ((sliceStart - start) / HOUR_MS));
        }
        if (zone != null && !zone.equals(sliceZone)) {
            if (byZone == null) {
                byZone = new HashMap<>();
                byZone.put(zone, total.copy());
            }
        }
        zone = sliceZone;
        total.merge(slice, mask);
        if (byZone != null) {
            byZone.computeIfAbsent(sliceZone, z -> new Measures(slice.size())).merge(slice, mask);
        }
    }
}
