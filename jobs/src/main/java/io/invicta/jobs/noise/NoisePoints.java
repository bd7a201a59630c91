package io.invicta.jobs.noise;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The noise measurements (docs/METRICS.md): {@code noise_<res>}, {@code noise_zone_<res>}, {@code
 * noise_lden_1d}.
 */
public final class NoisePoints {

    private NoisePoints() {}

    /**
     * {@code noise_1m,sensor=…,zone=… laeq=…,lamax=…,count=…i <window start>}; per zone without
     * sensor.
     */
    public static final class Levels implements PointConverter<NoiseLevel> {
        private static final long serialVersionUID = 1L;

        @Override
        public void convert(NoiseLevel level, Consumer<InfluxPoint> out) {
            InfluxPoint.Builder point =
                    InfluxPoint.measurement(
                                    (level.sensorId != null ? "noise_" : "noise_zone_")
                                            + level.resolution)
                            .time(level.windowStart, TimeUnit.MILLISECONDS);
            if (level.sensorId != null) {
                point.tag("sensor", level.sensorId);
            }
            point.tag("zone", level.zone).field("laeq", level.laeq).field("count", level.count);
            if (!Double.isNaN(level.lamax)) {
                point.field("lamax", level.lamax);
            }
            if (level.coverage != null) {
                level.coverage.addTo(point);
            }
            out.accept(point.build());
        }
    }

    /**
     * {@code noise_lden_1d,sensor=…,zone=… lden=…,lday=…,levening=…,lnight=… <07:00 local of the
     * day>}.
     */
    public static final class Lden implements PointConverter<NoiseDay> {
        private static final long serialVersionUID = 1L;

        @Override
        public void convert(NoiseDay day, Consumer<InfluxPoint> out) {
            out.accept(
                    InfluxPoint.measurement("noise_lden_1d")
                            .time(day.dayStart, TimeUnit.MILLISECONDS)
                            .tag("sensor", day.sensorId)
                            .tag("zone", day.zone)
                            .field("lden", day.lden)
                            .field("lday", day.lday)
                            .field("levening", day.levening)
                            .field("lnight", day.lnight)
                            .build());
        }
    }
}
