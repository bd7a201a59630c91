package io.invicta.sinks.influxdb;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Buffers points and writes them synchronously in batches: when the batch is full, when the flush interval
 * passes (a processing-time timer, so a quiet stream is not held back), at checkpoints and at end of input.
 * A write error is thrown to the task: points are never dropped here.
 */
final class InfluxDbSinkWriter<IN> implements SinkWriter<IN> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbSinkWriter.class);

    private final InfluxDbConnection connection;
    private final PointConverter<IN> converter;
    private final int batchPoints;
    private final long flushIntervalMs;
    private final ProcessingTimeService timers;
    private final InfluxDB client;
    private final List<Point> buffer;
    private final Counter pointsWritten;
    private final Counter batchesWritten;
    private final Counter writeErrors;
    private boolean timerPending;

    InfluxDbSinkWriter(InfluxDbConnection connection, PointConverter<IN> converter, int batchPoints,
                       Duration flushInterval, ProcessingTimeService timers, SinkWriterMetricGroup metrics) {
        this.connection = connection;
        this.converter = converter;
        this.batchPoints = batchPoints;
        this.flushIntervalMs = flushInterval.toMillis();
        this.timers = timers;
        this.buffer = new ArrayList<>(batchPoints);
        String password = connection.resolvePassword();
        this.client = connection.username() == null
                ? InfluxDBFactory.connect(connection.url())
                : InfluxDBFactory.connect(connection.url(), connection.username(), password == null ? "" : password);
        this.pointsWritten = metrics.getNumRecordsSendCounter();
        this.batchesWritten = metrics.counter("batchesWritten");
        this.writeErrors = metrics.getNumRecordsSendErrorsCounter();
        LOG.info("InfluxDB sink writing to {}", connection);
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        converter.convert(element, buffer::add);
        if (buffer.size() >= batchPoints) {
            writeBuffer();
        } else if (!buffer.isEmpty() && !timerPending) {
            timerPending = true;
            timers.registerTimer(timers.getCurrentProcessingTime() + flushIntervalMs, this::onFlushTimer);
        }
    }

    private void onFlushTimer(long time) throws IOException {
        timerPending = false;
        writeBuffer();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        writeBuffer();
    }

    private void writeBuffer() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        BatchPoints batch = BatchPoints.database(connection.database())
                .precision(TimeUnit.MILLISECONDS)
                .points(buffer)
                .build();
        try {
            client.write(batch);
        } catch (RuntimeException e) {
            writeErrors.inc(buffer.size());
            // Fail the task: Flink restarts from the last checkpoint and the points are written again.
            throw new IOException("Writing " + buffer.size() + " points to InfluxDB at " + connection.url()
                    + " failed: " + e.getMessage(), e);
        }
        pointsWritten.inc(buffer.size());
        batchesWritten.inc();
        buffer.clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
