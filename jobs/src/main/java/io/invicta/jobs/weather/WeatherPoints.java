package io.invicta.jobs.weather;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code weather_<res>,sensor=…,variable=…,zone=… count=…i,max=…,mean=…,min=… <window start>} per
 * station and {@code weather_zone_<res>} per zone; precipitation also has {@code total}; wind
 * direction has only {@code count}, its vector {@code mean} and {@code resultant_length}
 * (docs/METRICS.md).
 */
public final class WeatherPoints implements PointConverter<WeatherStats> {

    private static final long serialVersionUID = 1L;

    @Override
    public void convert(WeatherStats s, Consumer<InfluxPoint> out) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement(
                                (s.sensorId != null ? "weather_" : "weather_zone_") + s.resolution)
                        .time(s.windowStart, TimeUnit.MILLISECONDS);
        if (s.sensorId != null) {
            point.tag("sensor", s.sensorId);
        }
        point.tag("zone", s.zone).tag("variable", s.variable).field("count", s.count);
        if (WeatherMeasurer.WIND_DIRECTION.equals(s.variable)) {
            // An angle has no meaningful min or max; the mean is left out when the directions
            // cancel out.
            if (!Double.isNaN(s.mean)) {
                point.field("mean", s.mean);
            }
            point.field("resultant_length", s.resultantLength);
        } else {
            point.field("mean", s.mean).field("min", s.min).field("max", s.max);
            if ("precipitation".equals(s.variable)) {
                point.field("total", s.sum);
            }
        }
        if (s.coverage != null) {
            s.coverage.addTo(point);
        }
        out.accept(point.build());
    }
}
