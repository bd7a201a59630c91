package io.invicta.sinks.influxdb;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The writer's metrics. Sender threads update thread-safe counters; Flink's standard sink counters
 * ({@code numRecordsSend}, {@code numBytesSend}, {@code numRecordsSendErrors}) are plain counters
 * of the task, so their increments are accumulated here and {@link #publish() published} from the
 * task thread.
 */
final class WriterMetrics {

    /** Points InfluxDB accepted (each counted once, even when bisecting resent it). */
    final AtomicLong pointsWritten = new AtomicLong();

    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong pointsRejected = new AtomicLong();
    final Counter batches = new ThreadSafeSimpleCounter();
    final Counter retries = new ThreadSafeSimpleCounter();
    final Counter rejected = new ThreadSafeSimpleCounter();
    final Histogram writeLatencyMs = new DescriptiveStatisticsHistogram(1_000);

    private final Counter numRecordsSend;
    private final Counter numBytesSend;
    private final Counter numRecordsSendErrors;
    private long publishedPoints;
    private long publishedBytes;
    private long publishedRejected;

    WriterMetrics(SinkWriterMetricGroup group, IntSupplier inFlight) {
        this.numRecordsSend = group.getNumRecordsSendCounter();
        this.numBytesSend = group.getNumBytesSendCounter();
        this.numRecordsSendErrors = group.getNumRecordsSendErrorsCounter();
        group.counter("batchesWritten", batches);
        group.counter("writeRetries", retries);
        group.counter("rejectedPoints", rejected);
        group.gauge("inFlightBatches", inFlight::getAsInt);
        group.histogram("writeLatencyMs", writeLatencyMs);
    }

    void rejected() {
        rejected.inc();
        pointsRejected.incrementAndGet();
    }

    /** Task thread only. */
    void publish() {
        long points = pointsWritten.get();
        numRecordsSend.inc(points - publishedPoints);
        publishedPoints = points;
        long bytes = bytesWritten.get();
        numBytesSend.inc(bytes - publishedBytes);
        publishedBytes = bytes;
        long rejectedNow = pointsRejected.get();
        numRecordsSendErrors.inc(rejectedNow - publishedRejected);
        publishedRejected = rejectedNow;
    }
}
