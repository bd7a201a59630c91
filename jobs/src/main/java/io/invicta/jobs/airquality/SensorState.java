package io.invicta.jobs.airquality;

import io.invicta.jobs.domain.Geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyed state of {@link SensorWindows} for one sensor: its open windows, and the zone of its last location (the
 * geohash is computed when the location changes, not for every observation). A Flink POJO.
 */
public class SensorState {

    public List<SensorWindow> windows = new ArrayList<>();
    public double lat = Double.NaN;
    public double lon = Double.NaN;
    public String locationZone;

    public SensorState() {
    }

    /** The observation's own zone, or else the geohash cell of its location. */
    String zoneOf(SensorObservation o, int geohashPrecision) {
        if (o.zone != null) {
            return o.zone;
        }
        if (locationZone == null || o.lat != lat || o.lon != lon) {
            lat = o.lat;
            lon = o.lon;
            locationZone = Geo.geohash(o.lat, o.lon, geohashPrecision);
        }
        return locationZone;
    }

    /** The open window of a family holding {@code timestamp}, or null; newest first, where most readings go. */
    SensorWindow find(int family, long timestamp) {
        for (int i = windows.size() - 1; i >= 0; i--) {
            SensorWindow w = windows.get(i);
            if (w.contains(family, timestamp)) {
                return w;
            }
        }
        return null;
    }
}
