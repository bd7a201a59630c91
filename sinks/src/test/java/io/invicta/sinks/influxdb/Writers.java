package io.invicta.sinks.influxdb;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import java.util.function.Consumer;

/** Opens a sink's writer outside Flink, for writer ITs and the benchmark. */
final class Writers {

    private Writers() {}

    static <T> InfluxDbSinkWriter<T> open(InfluxDbSink<T> sink, ProcessingTimeService time) {
        return new InfluxDbSinkWriter<>(
                sink, time, UnregisteredMetricsGroup.createSinkWriterMetricGroup(), 0);
    }

    /** Passes points through unchanged. */
    static final class Identity implements PointConverter<InfluxPoint> {
        private static final long serialVersionUID = 1L;

        @Override
        public void convert(InfluxPoint record, Consumer<InfluxPoint> out) {
            out.accept(record);
        }
    }
}
