package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.PointConverter;
import org.influxdb.dto.Point;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code air_quality_1m,sensor=<id>,pollutant=<no2|pm10|…> mean=…,min=…,max=…,count=…i <window start ms>}.
 * Identity is measurement + sensor + pollutant + window start, so a replayed window overwrites itself.
 */
public final class PollutantMeanPoints implements PointConverter<PollutantMean> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "air_quality_1m";

    @Override
    public void convert(PollutantMean mean, Consumer<Point> out) {
        out.accept(Point.measurement(MEASUREMENT)
                .time(mean.windowStart, TimeUnit.MILLISECONDS)
                .tag("sensor", mean.sensorId)
                .tag("pollutant", mean.pollutant.field())
                .addField("mean", mean.mean)
                .addField("min", mean.min)
                .addField("max", mean.max)
                .addField("count", mean.count)
                .build());
    }
}
