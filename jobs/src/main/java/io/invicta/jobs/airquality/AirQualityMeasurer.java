package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.Measurer;
import io.invicta.jobs.windows.Measures;
import io.invicta.schemas.AirQualityObserved;

/**
 * Air quality in the shared windows: variable v is the concentration of the {@link Pollutant} of
 * ordinal v.
 */
public final class AirQualityMeasurer implements Measurer<AirQualityObserved> {

    private static final long serialVersionUID = 1L;

    @Override
    public int variables() {
        return Pollutant.values().length;
    }

    @Override
    public String sensorId(AirQualityObserved o) {
        return o.getId();
    }

    @Override
    public long timestamp(AirQualityObserved o) {
        return o.getDateObserved().toEpochMilli();
    }

    @Override
    public String ownZone(AirQualityObserved o) {
        return o.getZone();
    }

    @Override
    public double lat(AirQualityObserved o) {
        return o.getLocation().getLat();
    }

    @Override
    public double lon(AirQualityObserved o) {
        return o.getLocation().getLon();
    }

    @Override
    public boolean addTo(AirQualityObserved o, Measures stats) {
        // The fields one by one rather than through Pollutant.read: one call site for eight getters
        // is megamorphic.
        return add(stats, Pollutant.NO2, o.getNo2())
                | add(stats, Pollutant.NO, o.getNo())
                | add(stats, Pollutant.NOX, o.getNox())
                | add(stats, Pollutant.PM10, o.getPm10())
                | add(stats, Pollutant.PM25, o.getPm25())
                | add(stats, Pollutant.O3, o.getO3())
                | add(stats, Pollutant.SO2, o.getSo2())
                | add(stats, Pollutant.CO, o.getCo());
    }

    /** Adds a reported concentration (null or NaN: not measured); returns whether it was one. */
    private static boolean add(Measures stats, Pollutant pollutant, Double value) {
        if (value == null || value.isNaN()) {
            return false;
        }
        stats.add(pollutant.ordinal(), value);
        return true;
    }
}
