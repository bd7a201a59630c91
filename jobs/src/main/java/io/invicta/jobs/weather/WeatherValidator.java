package io.invicta.jobs.weather;

import io.invicta.jobs.common.Validator;
import io.invicta.schemas.WeatherObserved;

import java.time.Duration;

/** Refuses weather no station on Earth reports (and unit mix-ups such as humidity in percent). */
public final class WeatherValidator implements Validator<WeatherObserved> {

    private static final long serialVersionUID = 1L;

    private final long maxFutureMillis;

    public WeatherValidator(Duration maxFuture) {
        this.maxFutureMillis = maxFuture.toMillis();
    }

    @Override
    public String check(WeatherObserved o, long nowMillis) {
        if (o.getDateObserved().toEpochMilli() > nowMillis + maxFutureMillis) {
            return "dateObserved " + o.getDateObserved() + " is more than " + Duration.ofMillis(maxFutureMillis) + " in the future";
        }
        double lat = o.getLocation().getLat();
        double lon = o.getLocation().getLon();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            return "location " + lat + "," + lon + " is not a WGS84 point";
        }
        String why = range("temperature", o.getTemperature(), -90, 60, "°C");
        why = why != null ? why : range("relativeHumidity", o.getRelativeHumidity(), 0, 1, "(a fraction, not %)");
        why = why != null ? why : range("atmosphericPressure", o.getAtmosphericPressure(), 800, 1100, "hPa");
        why = why != null ? why : range("windSpeed", o.getWindSpeed(), 0, 120, "m/s");
        why = why != null ? why : range("windDirection", o.getWindDirection(), 0, 360, "degrees");
        return why != null ? why : range("precipitation", o.getPrecipitation(), 0, 500, "mm");
    }

    private static String range(String name, Double value, double min, double max, String unit) {
        if (value == null || value.isNaN() || (value >= min && value <= max)) {
            return null;
        }
        return name + " = " + value + " is outside [" + min + ", " + max + "] " + unit;
    }
}
