package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code air_quality_exceedances,limit=NO2_HOURLY_200,sensor=…,zone=…
 * count=3i,allowed=18i,year=2024i <year start>}.
 */
public final class ExceedancePoints implements PointConverter<Exceedances> {

    private static final long serialVersionUID = 1L;

    @Override
    public void convert(Exceedances e, Consumer<InfluxPoint> out) {
        out.accept(
                InfluxPoint.measurement("air_quality_exceedances")
                        .time(e.yearStart, TimeUnit.MILLISECONDS)
                        .tag("sensor", e.sensorId)
                        .tag("zone", e.zone)
                        .tag("limit", e.limit)
                        .field("count", (long) e.count)
                        .field("allowed", (long) e.allowed)
                        .field("year", (long) e.year)
                        .field("above_allowed", e.count > e.allowed)
                        .build());
    }
}
