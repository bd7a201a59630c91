package io.invicta.sinks.influxdb;

import org.influxdb.dto.Point;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Turns one record into zero or more InfluxDB points. The point's identity (measurement, tag set, timestamp) is
 * what makes a replayed record overwrite instead of duplicate, so derive all three from the record itself.
 */
@FunctionalInterface
public interface PointConverter<IN> extends Serializable {

    void convert(IN record, Consumer<Point> out);
}
