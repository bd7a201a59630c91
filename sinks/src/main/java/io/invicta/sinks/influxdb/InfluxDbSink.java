package io.invicta.sinks.influxdb;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink writing records as InfluxDB points through the v1 {@code /write} API (InfluxDB 1.x;
 * 2.x and 3.x serve it too). Build it with {@link #builder()}; immutable.
 *
 * <p><b>Delivery guarantee: at-least-once.</b> The writer batches points (by count, size and time)
 * and keeps at most {@code maxInFlight} ({@link BatchOptions}) batches in flight, blocking the task
 * when InfluxDB is slow or down (backpressure). {@code flush()} — at every checkpoint and at end of
 * input — returns only when every point handed to the sink has been written, so a completed
 * checkpoint implies its points are stored. Transient failures (IO errors, timeouts, 5xx, 429) are
 * retried with exponential backoff and jitter; when a write keeps failing for {@code maxTotalTime}
 * ({@link RetryOptions}) the sink fails the job and Flink restarts from the last checkpoint: a
 * point is never dropped silently. The only points not stored are those InfluxDB or line protocol
 * cannot take (a field type conflict, NaN, a line break in a tag, …): each is isolated from its
 * batch, counted, logged and handed to the {@link RejectedPointHandler}, while the rest of its
 * batch is written.
 *
 * <p><b>Effectively-once results.</b> An InfluxDB point is identified by measurement + tag set +
 * timestamp; writing it again overwrites its fields. Records replayed after a restart therefore
 * overwrite the points they wrote before instead of duplicating them, provided the {@link
 * PointConverter} derives all three from the record (not from the clock or a counter).
 */
public final class InfluxDbSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final ConnectionOptions connection;
    private final BatchOptions batching;
    private final RetryOptions retry;
    private final PointConverter<IN> converter;
    private final RejectedPointHandler rejectedPointHandler;

    InfluxDbSink(
            ConnectionOptions connection,
            BatchOptions batching,
            RetryOptions retry,
            PointConverter<IN> converter,
            RejectedPointHandler rejectedPointHandler) {
        this.connection = connection;
        this.batching = batching;
        this.retry = retry;
        this.converter = converter;
        this.rejectedPointHandler = rejectedPointHandler;
    }

    public static <IN> InfluxDbSinkBuilder<IN> builder() {
        return new InfluxDbSinkBuilder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new InfluxDbSinkWriter<>(
                this,
                context.getProcessingTimeService(),
                context.metricGroup(),
                context.getTaskInfo().getIndexOfThisSubtask());
    }

    public ConnectionOptions connection() {
        return connection;
    }

    public BatchOptions batching() {
        return batching;
    }

    public RetryOptions retry() {
        return retry;
    }

    PointConverter<IN> converter() {
        return converter;
    }

    RejectedPointHandler rejectedPointHandler() {
        return rejectedPointHandler;
    }

    /** Never shows a secret: only where it is read from. */
    @Override
    public String toString() {
        return "InfluxDbSink{" + connection + ", batch=" + batching + ", retry=" + retry + "}";
    }
}
