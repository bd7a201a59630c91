package io.invicta.sinks.influxdb;

import org.influxdb.InfluxDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends one batch through influxdb-java's synchronous v1 {@code /write} call (a pre-encoded
 * line-protocol body; not the client's async BatchProcessor), on a sender thread of the writer.
 *
 * <p>Outcome by HTTP status (captured by an OkHttp interceptor, since the client's exceptions carry
 * only the error text):
 *
 * <ul>
 *   <li>2xx: written.
 *   <li>400, 413, 422 — the batch holds points InfluxDB refuses (type conflict, unparsable, beyond
 *       retention, too large; 1.x may already have written the others: "partial write"): the range
 *       is split in halves that are sent again, down to the single refused points, which are
 *       rejected (counter, log, handler). Resending a point that was already written is harmless:
 *       same identity, same fields.
 *   <li>401/403 (credentials refused), 404 "database not found", "retention policy not found": no
 *       retry can fix them; the job fails at once, naming the setting, and Flink does not restart
 *       it ({@link Unfixable}).
 *   <li>anything else — no response (IO error, timeout), 5xx, 429: retried after an exponential
 *       backoff with jitter, until the range has kept failing for {@code retryMaxTotalTime}; then
 *       an {@link IOException} fails the job (and Flink restarts it from its last checkpoint).
 * </ul>
 */
final class BatchSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final InfluxDB client;
    private final String url;
    private final String database;
    private final String retentionPolicy;
    private final TimeUnit precision;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final long maxTotalMs;
    private final WriterMetrics metrics;
    private final RejectedPointHandler handler;
    private volatile boolean aborted;

    BatchSender(
            ConnectionOptions connection,
            RetryOptions retry,
            RejectedPointHandler handler,
            WriterMetrics metrics) {
        this.url = connection.url();
        this.database = connection.database();
        this.retentionPolicy = connection.retentionPolicy();
        this.precision = connection.precision();
        this.initialBackoffMs = retry.initialBackoff().toMillis();
        this.maxBackoffMs = retry.maxBackoff().toMillis();
        this.maxTotalMs = retry.maxTotalTime().toMillis();
        this.metrics = metrics;
        this.handler = handler;
        this.client = InfluxClients.connect(connection);
    }

    /**
     * Writes the whole batch, isolating refused points; throws only when giving up (or
     * interrupted).
     */
    void send(Batch batch) throws IOException, InterruptedException {
        sendRange(batch, 0, batch.size, new RetryClock());
        metrics.batches.inc();
    }

    private void sendRange(Batch batch, int from, int to, RetryClock clock)
            throws IOException, InterruptedException {
        String body = batch.body(from, to);
        while (true) {
            InfluxClients.resetStatus();
            long start = System.nanoTime();
            try {
                client.write(
                        database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, precision, body);
                metrics.writeLatencyMs.update(
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                metrics.pointsWritten.addAndGet(to - from);
                metrics.bytesWritten.addAndGet(body.length());
                clock.reset();
                return;
            } catch (RuntimeException e) {
                int code = InfluxClients.lastStatus();
                if (code == 400 || code == 413 || code == 422) {
                    clock.reset();
                    if (to - from == 1) {
                        reject(
                                batch.point(from),
                                "InfluxDB refused it (HTTP " + code + "): " + e.getMessage());
                        return;
                    }
                    int mid = (from + to) >>> 1;
                    LOG.debug(
                            "InfluxDB refused points of a batch (HTTP {}: {}); isolating them among"
                                    + " {} points",
                            code,
                            e.getMessage(),
                            to - from);
                    sendRange(batch, from, mid, clock);
                    sendRange(batch, mid, to, clock);
                    return;
                }
                Unfixable.check(code, e.getMessage(), url, database, retentionPolicy);
                clock.failedOrGiveUp(e, code, to - from);
            }
        }
    }

    /** Another batch has given up: the job is failing, so stop retrying this one too. */
    void abort() {
        aborted = true;
    }

    /** Counts, logs and hands over a point that will not be stored. Any thread. */
    void reject(InfluxPoint point, String reason) {
        metrics.rejected();
        LOG.warn("InfluxDB sink rejected point {}: {}", point, LineProtocol.printable(reason));
        handler.onRejected(point, reason);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Backoff state of one batch: failing since when, and the current backoff. */
    private final class RetryClock {
        private long failingSince = -1;
        private long backoffMs = initialBackoffMs;

        void reset() {
            failingSince = -1;
            backoffMs = initialBackoffMs;
        }

        void failedOrGiveUp(RuntimeException e, int code, int points)
                throws IOException, InterruptedException {
            long now = System.currentTimeMillis();
            if (failingSince < 0) {
                failingSince = now;
            }
            String what =
                    code < 0
                            ? "no response (" + e.getMessage() + ")"
                            : "HTTP " + code + " (" + e.getMessage() + ")";
            long remaining = maxTotalMs - (now - failingSince);
            if (aborted) {
                throw new IOException(
                        "Stopped retrying "
                                + points
                                + " points: another batch gave up; last: "
                                + what,
                        e);
            }
            if (remaining <= 0) {
                throw new IOException(
                        "Giving up writing "
                                + points
                                + " points to InfluxDB at "
                                + url
                                + " after "
                                + Duration.ofMillis(now - failingSince)
                                + " of failures; last: "
                                + what,
                        e);
            }
            // Equal jitter: half the backoff fixed, half random, so writers that failed together
            // spread out.
            long sleep =
                    Math.min(
                            remaining,
                            backoffMs / 2
                                    + ThreadLocalRandom.current().nextLong(backoffMs / 2 + 1));
            metrics.retries.inc();
            LOG.warn(
                    "Writing {} points to InfluxDB at {} failed: {}; retrying in {} ms",
                    points,
                    url,
                    what,
                    sleep);
            Thread.sleep(sleep);
            backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
        }
    }
}
