package io.invicta.sinks.influxdb;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.time.Duration;
import java.util.Objects;

/**
 * Writes records as InfluxDB points through the v1 {@code /write} API (served by InfluxDB 1.x, and by 2.x/3.x
 * through their v1 compatibility endpoints).
 *
 * <p>Delivery guarantee: at-least-once. The writer batches points and {@code flush()} blocks until every
 * buffered point is written, at each checkpoint and at end of input; a failed write fails the task so Flink
 * restarts from the last checkpoint. Because an InfluxDB point is identified by measurement + tag set +
 * timestamp, a replayed record overwrites the point it wrote before: with converters that derive all three from
 * the record, the stored results are effectively exactly-once.
 */
public final class InfluxDbSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_BATCH_POINTS = 5_000;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final InfluxDbConnection connection;
    private final PointConverter<IN> converter;
    private final int batchPoints;
    private final Duration flushInterval;

    public InfluxDbSink(InfluxDbConnection connection, PointConverter<IN> converter, int batchPoints,
                        Duration flushInterval) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.converter = Objects.requireNonNull(converter, "converter");
        if (batchPoints < 1) {
            throw new IllegalArgumentException("batchPoints must be at least 1, got " + batchPoints);
        }
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
        }
        this.batchPoints = batchPoints;
        this.flushInterval = flushInterval;
    }

    public static <IN> InfluxDbSink<IN> of(InfluxDbConnection connection, PointConverter<IN> converter) {
        return new InfluxDbSink<>(connection, converter, DEFAULT_BATCH_POINTS, DEFAULT_FLUSH_INTERVAL);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new InfluxDbSinkWriter<>(connection, converter, batchPoints, flushInterval,
                context.getProcessingTimeService(), context.metricGroup());
    }
}
