package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code air_quality_index_1h,sensor=…,zone=… level=4i,band="POOR",dominant="PM10",no2=…,pm10_24h=…
 * <hour start>} (docs/METRICS.md). Concentrations a station does not measure are absent.
 */
public final class AirQualityIndexPoints implements PointConverter<AirQualityIndex> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "air_quality_index_1h";

    @Override
    public void convert(AirQualityIndex index, Consumer<InfluxPoint> out) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement(MEASUREMENT)
                        .time(index.hourStart, TimeUnit.MILLISECONDS)
                        .tag("sensor", index.sensorId)
                        .tag("zone", index.zone)
                        .field("level", (long) index.band.level())
                        .field("band", index.band.name())
                        .field("dominant", index.dominant.name());
        optional(point, "no2", index.no2);
        optional(point, "o3", index.o3);
        optional(point, "so2", index.so2);
        optional(point, "pm10_24h", index.pm10Day);
        optional(point, "pm25_24h", index.pm25Day);
        out.accept(point.build());
    }

    private static void optional(InfluxPoint.Builder point, String field, Double value) {
        if (value != null) {
            point.field(field, value);
        }
    }
}
