package io.invicta.jobs.weather;

import io.invicta.jobs.common.ZoneResolver;
import io.invicta.schemas.WeatherObserved;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * One reading per reported variable, with the observation's zone (its own, or its location's). Wind direction is
 * a reading too, but its window statistic is the vector mean ({@link WeatherAggregate}), never the arithmetic one.
 */
public final class ToWeatherReadings implements FlatMapFunction<WeatherObserved, WeatherReading> {

    private static final long serialVersionUID = 1L;

    /** The variables with count/mean/min/max statistics (precipitation also gets its window total). */
    public static final String[] VARIABLES = {"temperature", "relativeHumidity", "atmosphericPressure", "windSpeed",
            "precipitation"};

    /** Degrees clockwise from north the wind comes from; averaged as unit vectors. */
    public static final String WIND_DIRECTION = "windDirection";

    private final ZoneResolver zones;

    public ToWeatherReadings(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public void flatMap(WeatherObserved o, Collector<WeatherReading> out) {
        long t = o.getDateObserved().toEpochMilli();
        String zone = zones.zoneOf(o.getZone(), o.getLocation().getLat(), o.getLocation().getLon());
        Double[] values = {o.getTemperature(), o.getRelativeHumidity(), o.getAtmosphericPressure(), o.getWindSpeed(),
                o.getPrecipitation()};
        for (int i = 0; i < VARIABLES.length; i++) {
            if (present(values[i])) {
                out.collect(new WeatherReading(o.getId(), zone, VARIABLES[i], t, values[i]));
            }
        }
        // In a calm (speed 0) the vane points anywhere: such a direction is noise, not a wind to average.
        boolean calm = o.getWindSpeed() != null && o.getWindSpeed() == 0.0;
        if (present(o.getWindDirection()) && !calm) {
            out.collect(new WeatherReading(o.getId(), zone, WIND_DIRECTION, t, o.getWindDirection()));
        }
    }

    private static boolean present(Double value) {
        return value != null && !value.isNaN();
    }
}
