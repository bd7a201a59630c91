package io.invicta.schemas.validation;

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
        return Validator.firstOf(
                Validator.timeAndPlace(
                        o.getDateObserved(), o.getLocation(), maxFutureMillis, nowMillis),
                range("temperature", o.getTemperature(), -90, 60, "°C"),
                range("relativeHumidity", o.getRelativeHumidity(), 0, 1, "(a fraction, not %)"),
                range("atmosphericPressure", o.getAtmosphericPressure(), 800, 1100, "hPa"),
                range("windSpeed", o.getWindSpeed(), 0, 120, "m/s"),
                range("windDirection", o.getWindDirection(), 0, 360, "degrees"),
                range("precipitation", o.getPrecipitation(), 0, 500, "mm"));
    }

    private static String range(String name, Double value, double min, double max, String unit) {
        if (value == null || value.isNaN() || (value >= min && value <= max)) {
            return null;
        }
        return name + " = " + value + " is outside [" + min + ", " + max + "] " + unit;
    }
}
