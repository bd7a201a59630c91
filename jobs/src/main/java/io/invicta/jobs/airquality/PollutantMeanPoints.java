package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Per sensor: {@code air_quality_<res>,pollutant=…,sensor=…,zone=… count=…i,max=…,mean=…,min=…
 * <window start>}; per zone: {@code air_quality_zone_<res>,pollutant=…,zone=… …}, where res is 1m
 * or 1h, or {@code day} for the sensors' local days, which also carry their data coverage
 * (docs/METRICS.md). Identity is measurement + tags + window start, so a re-fired or replayed
 * window overwrites its point.
 */
public final class PollutantMeanPoints implements PointConverter<PollutantMean> {

    private static final long serialVersionUID = 1L;

    /** The per-sensor one-minute measurement. */
    public static final String MEASUREMENT = "air_quality_1m";

    public static String measurement(PollutantMean mean) {
        return (mean.sensorId != null ? "air_quality_" : "air_quality_zone_") + mean.resolution;
    }

    @Override
    public void convert(PollutantMean mean, Consumer<InfluxPoint> out) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement(measurement(mean))
                        .time(mean.windowStart, TimeUnit.MILLISECONDS);
        if (mean.sensorId != null) {
            point.tag("sensor", mean.sensorId);
        }
        point.tag("zone", mean.zone)
                .tag("pollutant", mean.pollutant.field())
                .field("count", mean.count)
                .field("max", mean.max)
                .field("mean", mean.mean)
                .field("min", mean.min);
        if (mean.coverage != null) {
            mean.coverage.addTo(point);
        }
        out.accept(point.build());
    }
}
