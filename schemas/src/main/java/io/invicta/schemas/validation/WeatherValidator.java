package io.invicta.schemas.validation;

import io.invicta.schemas.WeatherObserved;

import java.time.Duration;

/** Refuses weather no station on Earth reports (and unit mix-ups such as humidity in percent). */
public final class WeatherValidator extends ObservationValidator<WeatherObserved> {

    private static final long serialVersionUID = 1L;

    public WeatherValidator(Duration maxFuture) {
        super(maxFuture, WeatherObserved.getClassSchema());
    }

    @Override
    protected String values(WeatherObserved o) {
        return Validator.firstOf(
                range("temperature", o.getTemperature(), -90, 60, "°C"),
                range("relativeHumidity", o.getRelativeHumidity(), 0, 1, "(a fraction, not %)"),
                range("atmosphericPressure", o.getAtmosphericPressure(), 800, 1100, "hPa"),
                range("windSpeed", o.getWindSpeed(), 0, 120, "m/s"),
                range("windDirection", o.getWindDirection(), 0, 360, "degrees"),
                range("precipitation", o.getPrecipitation(), 0, 500, "mm"));
    }

    private static String range(String name, Double value, double min, double max, String unit) {
        if (value == null || (value >= min && value <= max)) { // NaN is refused: absent is null
            return null;
        }
        return name + " = " + value + " is outside [" + min + ", " + max + "] " + unit;
    }
}
