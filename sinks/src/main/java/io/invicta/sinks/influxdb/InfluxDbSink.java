package io.invicta.sinks.influxdb;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Flink sink writing records as InfluxDB points through the v1 {@code /write} API (InfluxDB 1.x; 2.x and 3.x
 * serve it too). Build it with {@link #builder()}; immutable.
 *
 * <p><b>Delivery guarantee: at-least-once.</b> The writer batches points (by count, size and time) and keeps at
 * most {@code maxInFlight} batches in flight, blocking the task when InfluxDB is slow or down (backpressure).
 * {@code flush()} — at every checkpoint and at end of input — returns only when every point handed to the sink
 * has been written, so a completed checkpoint implies its points are stored. Transient failures (IO errors,
 * timeouts, 5xx, 429) are retried with exponential backoff and jitter; when a write keeps failing for
 * {@code retryMaxTotalTime} the sink fails the job and Flink restarts from the last checkpoint: a point is
 * never dropped silently. The only points not stored are those InfluxDB or line protocol cannot take (a field
 * type conflict, NaN, a line break in a tag, …): each is isolated from its batch, counted, logged and handed to
 * the {@link RejectedPointHandler}, while the rest of its batch is written.
 *
 * <p><b>Effectively-once results.</b> An InfluxDB point is identified by measurement + tag set + timestamp;
 * writing it again overwrites its fields. Records replayed after a restart therefore overwrite the points they
 * wrote before instead of duplicating them, provided the {@link PointConverter} derives all three from the
 * record (not from the clock or a counter).
 */
public final class InfluxDbSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    final String url;
    final String database;
    final String retentionPolicy;
    final TimeUnit precision;
    final String username;
    final String passwordEnv;
    final String passwordFile;
    final boolean gzip;
    final Duration connectTimeout;
    final Duration readTimeout;
    final int batchPoints;
    final long batchBytes;
    final Duration batchInterval;
    final int maxInFlight;
    final Duration retryInitialBackoff;
    final Duration retryMaxBackoff;
    final Duration retryMaxTotalTime;
    final PointConverter<IN> converter;
    final RejectedPointHandler rejectedPointHandler;

    InfluxDbSink(InfluxDbSinkBuilder<IN> b) {
        this.url = b.url;
        this.database = b.database;
        this.retentionPolicy = b.retentionPolicy;
        this.precision = b.precision;
        this.username = b.username;
        this.passwordEnv = b.passwordEnv;
        this.passwordFile = b.passwordFile;
        this.gzip = b.gzip;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.batchPoints = b.batchPoints;
        this.batchBytes = b.batchBytes;
        this.batchInterval = b.batchInterval;
        this.maxInFlight = b.maxInFlight;
        this.retryInitialBackoff = b.retryInitialBackoff;
        this.retryMaxBackoff = b.retryMaxBackoff;
        this.retryMaxTotalTime = b.retryMaxTotalTime;
        this.converter = b.converter;
        this.rejectedPointHandler = b.rejectedPointHandler;
    }

    public static <IN> InfluxDbSinkBuilder<IN> builder() {
        return new InfluxDbSinkBuilder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new InfluxDbSinkWriter<>(this, context.getProcessingTimeService(), context.metricGroup());
    }

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    public int batchPoints() {
        return batchPoints;
    }

    public long batchBytes() {
        return batchBytes;
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public TimeUnit precision() {
        return precision;
    }

    public Duration retryMaxTotalTime() {
        return retryMaxTotalTime;
    }

    /** Reads the secret now (on the task manager); the file wins over the environment variable. May be null. */
    String resolvePassword() {
        if (passwordFile != null) {
            try {
                return Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                // The path is not secret; the content is never printed.
                throw new UncheckedIOException("Cannot read the InfluxDB password file " + passwordFile, e);
            }
        }
        return passwordEnv == null ? null : System.getenv(passwordEnv);
    }

    /** Never shows a secret: only where it is read from. */
    @Override
    public String toString() {
        return "InfluxDbSink{url=" + url + ", database=" + database
                + (retentionPolicy == null ? "" : ", retentionPolicy=" + retentionPolicy)
                + ", precision=" + precision + ", username=" + username
                + ", password=" + (username == null ? "unused" : passwordFile != null ? "<file " + passwordFile + ">"
                        : passwordEnv != null ? "<env " + passwordEnv + ">" : "none")
                + ", gzip=" + gzip + ", batch=" + batchPoints + " points/" + batchBytes + " bytes/" + batchInterval
                + ", maxInFlight=" + maxInFlight + ", retry=" + retryInitialBackoff + ".." + retryMaxBackoff
                + " for " + retryMaxTotalTime + "}";
    }
}
