package io.invicta.sinks.influxdb;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Turns one record into zero or more {@link InfluxPoint}s, handed to {@code out}. Called on the task thread, once
 * per record. The point's identity (measurement, tag set, timestamp) is what makes a replayed record overwrite
 * instead of duplicate, so derive all three from the record itself (never from the clock).
 */
@FunctionalInterface
public interface PointConverter<IN> extends Serializable {

    void convert(IN record, Consumer<InfluxPoint> out);
}
