package io.invicta.jobs.weather;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Incremental window statistics of one weather variable; wind direction adds unit vectors, the rest numbers. */
public final class WeatherAggregate implements AggregateFunction<WeatherReading, WeatherAccumulator, WeatherAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public WeatherAccumulator createAccumulator() {
        return new WeatherAccumulator();
    }

    @Override
    public WeatherAccumulator add(WeatherReading reading, WeatherAccumulator acc) {
        if (ToWeatherReadings.WIND_DIRECTION.equals(reading.variable)) {
            acc.addDirection(reading.zone, reading.value);
        } else {
            acc.add(reading.zone, reading.value);
        }
        return acc;
    }

    @Override
    public WeatherAccumulator getResult(WeatherAccumulator acc) {
        return acc;
    }

    @Override
    public WeatherAccumulator merge(WeatherAccumulator a, WeatherAccumulator b) {
        return a.merge(b);
    }
}
