package io.invicta.jobs.weather;

import io.invicta.domain.Geo;
import io.invicta.schemas.WeatherObserved;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * One reading per reported scalar variable. Wind direction is an angle: its arithmetic mean is wrong (350° and
 * 10° average to 180°), so it is not among the scalar statistics.
 */
public final class ToWeatherReadings implements FlatMapFunction<WeatherObserved, WeatherReading> {

    private static final long serialVersionUID = 1L;

    /** The variables with count/mean/min/max statistics (precipitation also gets its window total). */
    public static final String[] VARIABLES = {"temperature", "relativeHumidity", "atmosphericPressure", "windSpeed",
            "precipitation"};

    private final int geohashPrecision;

    public ToWeatherReadings(int geohashPrecision) {
        this.geohashPrecision = geohashPrecision;
    }

    @Override
    public void flatMap(WeatherObserved o, Collector<WeatherReading> out) {
        long t = o.getDateObserved().toEpochMilli();
        String zone = o.getZone() != null && !o.getZone().isBlank() ? o.getZone()
                : Geo.geohash(o.getLocation().getLat(), o.getLocation().getLon(), geohashPrecision);
        Double[] values = {o.getTemperature(), o.getRelativeHumidity(), o.getAtmosphericPressure(), o.getWindSpeed(),
                o.getPrecipitation()};
        for (int i = 0; i < VARIABLES.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                out.collect(new WeatherReading(o.getId(), zone, VARIABLES[i], t, values[i]));
            }
        }
    }
}
