package io.invicta.sinks.influxdb;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Encodes points into the current batch on the task thread and hands full batches to a small pool
 * of sender threads, at most {@code maxInFlight} at a time.
 *
 * <ul>
 *   <li>A batch is sent when it reaches {@code batchPoints} points or {@code batchBytes} characters
 *       (checked after each record), or {@code batchInterval} after its first point (a
 *       processing-time timer, so a quiet stream is not held back).
 *   <li>Backpressure: handing over a batch needs one of {@code maxInFlight} permits; without one
 *       the task thread blocks until a sender finishes, so a slow or absent InfluxDB slows the job
 *       down instead of filling memory or dropping points.
 *   <li>{@link #flush} sends the current batch and waits for all permits: when it returns, every
 *       point given to the writer before is stored (or rejected as unstorable). Flink calls it
 *       before each checkpoint and at end of input: at-least-once.
 *   <li>A sender that gives up records its exception; the next write, timer or flush rethrows it,
 *       failing the task so that Flink restarts from the last checkpoint.
 * </ul>
 */
final class InfluxDbSinkWriter<IN> implements SinkWriter<IN> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbSinkWriter.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final PointConverter<IN> converter;
    private final TimeUnit precision;
    private final int batchPoints;
    private final long batchBytes;
    private final long intervalMs;
    private final int maxInFlight;
    private final ProcessingTimeService timers;
    private final WriterMetrics metrics;
    private final BatchSender sender;
    private final ExecutorService senders;
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ArrayBlockingQueue<Batch> freeBatches;
    private final Consumer<InfluxPoint> collector = this::add;
    private Batch current;
    private boolean timerPending;
    private boolean closed;

    InfluxDbSinkWriter(
            InfluxDbSink<IN> sink,
            ProcessingTimeService timers,
            SinkWriterMetricGroup metricGroup,
            int subtaskIndex) {
        BatchOptions batching = sink.batching();
        this.converter = sink.converter();
        this.precision = sink.connection().precision();
        this.batchPoints = batching.points();
        this.batchBytes = batching.bytes();
        this.intervalMs = batching.interval().toMillis();
        this.maxInFlight = batching.maxInFlight();
        this.timers = timers;
        this.metrics = new WriterMetrics(metricGroup, inFlight::get);
        converter.open(new PointConverter.Context(metricGroup, subtaskIndex));
        this.sender =
                new BatchSender(
                        sink.connection(), sink.retry(), sink.rejectedPointHandler(), metrics);
        this.permits = new Semaphore(maxInFlight);
        this.senders =
                Executors.newFixedThreadPool(
                        maxInFlight,
                        runnable -> {
                            Thread t =
                                    new Thread(
                                            runnable,
                                            "influxdb-sink-sender-" + THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.freeBatches = new ArrayBlockingQueue<>(maxInFlight + 1);
        for (int i = 0; i <= maxInFlight; i++) {
            freeBatches.add(new Batch(batchPoints, (int) batchBytes));
        }
        this.current = freeBatches.poll();
        LOG.info("InfluxDB sink writer opened: {}", sink);
    }

    @Override
    public void write(IN element, Context context) throws IOException, InterruptedException {
        checkFailure();
        converter.convert(element, collector);
        if (current.size >= batchPoints || current.length() >= batchBytes) {
            sendCurrent();
            metrics.publish();
        } else if (current.size > 0 && !timerPending) {
            scheduleTimer(current.firstPointAt + intervalMs);
        }
    }

    private void add(InfluxPoint point) {
        String reason = LineProtocol.append(point, precision, current.lines);
        if (reason != null) {
            sender.reject(point, reason);
            return;
        }
        if (current.size == 0) {
            current.firstPointAt = timers.getCurrentProcessingTime();
        }
        current.added(point);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        checkFailure();
        sendCurrent();
        // Holding every permit means no batch is in flight.
        permits.acquire(maxInFlight);
        permits.release(maxInFlight);
        metrics.publish();
        checkFailure();
    }

    private void onTimer(long time) throws IOException, InterruptedException {
        timerPending = false;
        if (closed) {
            return;
        }
        metrics.publish();
        checkFailure();
        if (current.size > 0 && time - current.firstPointAt >= intervalMs) {
            sendCurrent();
        }
        if (current.size > 0) {
            scheduleTimer(current.firstPointAt + intervalMs);
        } else if (inFlight.get() > 0) {
            // Keep publishing metrics and surfacing failures while batches are in flight on a quiet
            // stream.
            scheduleTimer(time + intervalMs);
        }
    }

    private void scheduleTimer(long at) {
        timerPending = true;
        timers.registerTimer(at, this::onTimer);
    }

    /**
     * Hands the current batch to a sender, blocking while {@code maxInFlight} batches are in
     * flight.
     */
    private void sendCurrent() throws IOException, InterruptedException {
        if (current.size == 0) {
            return;
        }
        permits.acquire();
        if (failure.get() != null) {
            permits.release();
            checkFailure();
        }
        Batch batch = current;
        inFlight.incrementAndGet();
        try {
            senders.execute(() -> sendInBackground(batch));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            permits.release();
            throw new IOException("InfluxDB sink writer is closed", e);
        }
        Batch next = freeBatches.poll();
        current = next != null ? next : new Batch(batchPoints, (int) batchBytes);
    }

    private void sendInBackground(Batch batch) {
        try {
            sender.send(batch);
        } catch (Throwable t) {
            if (failure.compareAndSet(null, t)) {
                sender.abort();
                LOG.error(
                        "InfluxDB sink failed; the job will fail and restart from its last"
                                + " checkpoint",
                        t);
            }
        } finally {
            batch.clear();
            freeBatches.offer(batch);
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    private void checkFailure() throws IOException {
        Throwable t = failure.get();
        if (t != null) {
            throw new IOException(
                    "Writing to InfluxDB failed, so the sink fails the job (nothing is dropped:"
                        + " Flink restarts from the last checkpoint and writes the points again): "
                            + t.getMessage(),
                    t);
        }
    }

    WriterMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        // After flush(true) nothing is in flight; on cancel or failure, interrupt the retries.
        senders.shutdownNow();
        if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("InfluxDB sink sender threads did not stop within 10 s");
        }
        sender.close();
        converter.close();
    }
}
