package io.invicta.jobs.airquality;

import java.util.HashMap;
import java.util.Map;

/**
 * One open window of one sensor (state of {@link SensorWindows}): the readings of all its pollutants, and the
 * zone of the latest reading, which tags the sensor's result. A sensor whose zone changes within a window (a
 * geohash cell boundary) also keeps its readings per zone, so each zone counts exactly the readings made in it.
 * A Flink POJO.
 */
public class SensorWindow {

    /** Index of the window's {@link WindowFamily} in the operator's list. */
    public int family;
    public long start;
    public long end;
    /** Whether the watermark has passed the end (the result was emitted; later readings re-emit it). */
    public boolean fired;
    public String zone;
    public PollutantStats total = new PollutantStats();
    /** Readings per zone; null while every reading came from {@link #zone}. */
    public Map<String, PollutantStats> byZone;

    public SensorWindow() {
    }

    SensorWindow(int family, long start, long end) {
        this.family = family;
        this.start = start;
        this.end = end;
    }

    boolean contains(int family, long timestamp) {
        return this.family == family && start <= timestamp && timestamp < end;
    }

    void add(String readingZone, SensorObservation o, int pollutants) {
        if (zone != null && !zone.equals(readingZone)) {
            if (byZone == null) {
                byZone = new HashMap<>();
                byZone.put(zone, total.copy());
            }
            zone = readingZone;
        } else if (zone == null) {
            zone = readingZone;
        }
        total.add(o.present, o.values, pollutants);
        if (byZone != null) {
            byZone.computeIfAbsent(readingZone, z -> new PollutantStats()).add(o.present, o.values, pollutants);
        }
    }
}
