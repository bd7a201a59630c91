package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code air_quality_1m,pollutant=<no2|pm10|…>,sensor=<id> count=…i,max=…,mean=…,min=… <window start ms>}.
 * Identity is measurement + sensor + pollutant + window start, so a replayed window overwrites itself.
 */
public final class PollutantMeanPoints implements PointConverter<PollutantMean> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "air_quality_1m";

    @Override
    public void convert(PollutantMean mean, Consumer<InfluxPoint> out) {
        out.accept(InfluxPoint.measurement(MEASUREMENT)
                .time(mean.windowStart, TimeUnit.MILLISECONDS)
                .tag("sensor", mean.sensorId)
                .tag("pollutant", mean.pollutant.field())
                .field("count", mean.count)
                .field("max", mean.max)
                .field("mean", mean.mean)
                .field("min", mean.min)
                .build());
    }
}
