package io.invicta.sinks.influxdb;

import org.apache.flink.metrics.MetricGroup;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Turns one record into zero or more {@link InfluxPoint}s, handed to {@code out}. Called on the
 * task thread, once per record. The point's identity (measurement, tag set, timestamp) is what
 * makes a replayed record overwrite instead of duplicate, so derive all three from the record
 * itself (never from the clock).
 *
 * <p>A converter that needs metrics or resources gets {@link #open} when its writer opens (on the
 * task manager, before the first record) and {@link #close} when it closes.
 */
@FunctionalInterface
public interface PointConverter<IN> extends Serializable {

    void convert(IN record, Consumer<InfluxPoint> out);

    /** Called once when the sink writer opens, before the first {@link #convert}. */
    default void open(Context context) {}

    /** Called once when the sink writer closes. */
    default void close() {}

    /**
     * What a converter may use when it opens.
     *
     * @param metricGroup the sink writer's metric group, for the converter's own counters
     * @param subtaskIndex the index of the writer's parallel instance
     */
    record Context(MetricGroup metricGroup, int subtaskIndex) {}
}
