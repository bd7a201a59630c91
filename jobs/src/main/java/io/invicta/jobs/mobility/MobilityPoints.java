package io.invicta.jobs.mobility;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a {@link MobilityPoint} as is: counts as integer fields, the rest as floats, NaN fields
 * left out (InfluxDB has no NaN), empty tags left out. The timestamp is the window start, so a
 * replayed window overwrites itself. A point left without fields is not written. See
 * docs/METRICS-MOBILITY.md.
 */
public final class MobilityPoints implements PointConverter<MobilityPoint> {

    private static final long serialVersionUID = 1L;

    @Override
    public void convert(MobilityPoint point, Consumer<InfluxPoint> out) {
        InfluxPoint.Builder b =
                InfluxPoint.measurement(point.measurement)
                        .time(point.windowStart, TimeUnit.MILLISECONDS);
        point.tags.forEach(b::tag);
        int fields = 0;
        for (var f : point.fields.entrySet()) {
            Number v = f.getValue();
            if (v instanceof Long || v instanceof Integer) {
                b.field(f.getKey(), v.longValue());
                fields++;
            } else if (v != null && Double.isFinite(v.doubleValue())) {
                b.field(f.getKey(), v.doubleValue());
                fields++;
            }
        }
        if (fields > 0) {
            out.accept(b.build());
        }
    }
}
