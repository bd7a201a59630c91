package io.invicta.sinks.influxdb;

import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.TestPorts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The writer against a real influxd, driven outside Flink (timers fire when the test advances the
 * clock).
 */
class InfluxDbSinkWriterIT {

    @RegisterExtension static final InfluxDbExtension INFLUX = new InfluxDbExtension("writer_it");

    /** Filled by the dead-letter hook (a static, because the handler must be serializable). */
    static final ConcurrentLinkedQueue<String> REJECTED = new ConcurrentLinkedQueue<>();

    private final ManualTimeService time = new ManualTimeService();

    private static InfluxDbSinkBuilder<InfluxPoint> sink() {
        return InfluxDbSink.<InfluxPoint>builder()
                .url(INFLUX.url())
                .database(INFLUX.database())
                .converter(new Writers.Identity());
    }

    private static long count(String measurement) {
        List<Map<String, Object>> rows = INFLUX.query("SELECT count(v) FROM " + measurement);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    private static InfluxPoint point(String measurement, long i) {
        return InfluxPoint.measurement(measurement)
                .time(1_700_000_000_000L + i, TimeUnit.MILLISECONDS)
                .tag("sensor", "s" + (i % 10))
                .field("v", i)
                .build();
    }

    @Test
    void pointsArriveExactlyAsSent() throws Exception {
        try (InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink().build(), time)) {
            writer.write(
                    InfluxPoint.measurement("exactly")
                            .time(1_700_000_000_001L, TimeUnit.MILLISECONDS)
                            .tag("sensor", "Rua de São Bento, 12 = \"A\"")
                            .tag("kind", "no2")
                            .field("mean", 12.345678901234)
                            .field("count", 1_234_567_890_123L)
                            .field("ok", true)
                            .field("note", "say \"hi\"\\ and\nbye")
                            .build(),
                    null);
            writer.write(
                    InfluxPoint.measurement("exactly")
                            .time(1_700_000_000_002L, TimeUnit.MILLISECONDS)
                            .tag("sensor", "plain")
                            .field("mean", -0.5)
                            .field("count", -7L)
                            .field("ok", false)
                            .field("note", "")
                            .build(),
                    null);
            writer.flush(false);

            List<Map<String, Object>> rows = INFLUX.query("SELECT * FROM exactly");
            assertThat(rows).hasSize(2);
            Map<String, Object> first = rows.get(0);
            assertThat(Instant.parse((String) first.get("time")).toEpochMilli())
                    .isEqualTo(1_700_000_000_001L);
            assertThat(first)
                    .containsEntry("sensor", "Rua de São Bento, 12 = \"A\"")
                    .containsEntry("kind", "no2")
                    .containsEntry("mean", 12.345678901234)
                    .containsEntry("ok", true)
                    .containsEntry("note", "say \"hi\"\\ and\nbye");
            assertThat(((Number) first.get("count")).longValue()).isEqualTo(1_234_567_890_123L);
            Map<String, Object> second = rows.get(1);
            assertThat(second)
                    .containsEntry("sensor", "plain")
                    .containsEntry("mean", -0.5)
                    .containsEntry("ok", false)
                    .containsEntry("note", "")
                    .containsEntry("kind", null);
            assertThat(((Number) second.get("count")).longValue()).isEqualTo(-7L);
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(2);
        }
    }

    @Test
    void aQuietStreamIsFlushedByTheBatchIntervalTimer() throws Exception {
        try (InfluxDbSinkWriter<InfluxPoint> writer =
                Writers.open(sink().batchInterval(Duration.ofSeconds(1)).build(), time)) {
            for (int i = 0; i < 3; i++) {
                writer.write(point("quiet", i), null);
            }
            assertThat(time.pendingTimers()).isEqualTo(1);

            time.advance(
                    1_000); // no more records, no checkpoint: only the timer can send the batch

            await("timer-sent batch")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> count("quiet") == 3);
        }
    }

    @Test
    void fullBatchesAreSentWithoutWaitingAndTheRestOnFlush() throws Exception {
        try (InfluxDbSinkWriter<InfluxPoint> writer =
                Writers.open(sink().batchPoints(10).build(), time)) {
            for (int i = 0; i < 25; i++) {
                writer.write(point("sized", i), null);
            }
            await("two full batches")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> count("sized") == 20);
            assertThat(writer.metrics().batches.getCount()).isEqualTo(2);

            writer.flush(false);

            assertThat(count("sized")).isEqualTo(25);
        }
    }

    @Test
    void aServerStoppedMidStreamAndRestartedLaterGetsEverythingOnce() throws Exception {
        int n = 20_000;
        InfluxDbSink<InfluxPoint> sink =
                sink().batchPoints(500)
                        .maxInFlight(2)
                        .retryInitialBackoff(Duration.ofMillis(100))
                        .retryMaxBackoff(Duration.ofSeconds(2))
                        .retryMaxTotalTime(Duration.ofMinutes(2))
                        .build();
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch serverStopped = new CountDownLatch(1);
        AtomicInteger handedOver = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, time);
        Thread task =
                new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < n; i++) {
                                    if (i == n / 2) {
                                        writer.flush(false);
                                        halfWritten.countDown();
                                        serverStopped.await();
                                    }
                                    writer.write(point("restart", i), null);
                                    handedOver.incrementAndGet();
                                }
                                writer.flush(true);
                            } catch (Throwable t) {
                                error.set(t);
                            }
                        },
                        "test-task-thread");
        try {
            task.start();
            assertThat(halfWritten.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(count("restart")).isEqualTo(n / 2);

            INFLUX.stop();
            serverStopped.countDown();
            // Two senders, ~10 backoffs each (0.1 s doubling to 2 s, jittered): about 10 s of
            // retrying against a
            // dead server, measured in retries rather than by sleeping.
            await("writer retrying")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> writer.metrics().retries.getCount() >= 20);
            assertThat(task.isAlive())
                    .as("the task is held back (backpressure), not finished")
                    .isTrue();
            assertThat(handedOver.get())
                    .as(
                            "records taken while the server is down are bounded by the in-flight"
                                    + " batches")
                    .isLessThanOrEqualTo(n / 2 + 3 * 500);
            assertThat(error.get()).isNull();

            INFLUX.start();

            await("task finished").atMost(Duration.ofSeconds(60)).until(() -> !task.isAlive());
            assertThat(error.get()).isNull();
            assertThat(count("restart")).isEqualTo(n);
            assertThat(
                            ((Number) INFLUX.query("SELECT sum(v) FROM restart").get(0).get("sum"))
                                    .longValue())
                    .isEqualTo((long) n * (n - 1) / 2);
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(n);
            assertThat(writer.metrics().pointsRejected.get()).isZero();
        } finally {
            task.interrupt();
            task.join();
            writer.close();
        }
    }

    @Test
    void aPoisonedPointIsIsolatedAndReportedWhileTheRestOfItsBatchIsWritten() throws Exception {
        REJECTED.clear();
        InfluxDbSink<InfluxPoint> sink =
                sink().batchPoints(1_000)
                        .rejectedPointHandler(
                                (point, reason) ->
                                        REJECTED.add(point.time() % 1000 + ": " + reason))
                        .build();
        try (InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, time)) {
            writer.write(
                    InfluxPoint.measurement("poison")
                            .time(1_700_000_000_999L, TimeUnit.MILLISECONDS)
                            .field("v", 1L)
                            .build(),
                    null);
            writer.flush(false); // v is now an integer field

            for (int i = 0; i < 100; i++) {
                InfluxPoint.Builder p =
                        InfluxPoint.measurement("poison")
                                .time(1_700_000_000_000L + i, TimeUnit.MILLISECONDS)
                                .tag("sensor", "s" + i);
                if (i == 37) {
                    p.field(
                            "v",
                            3.5); // a float where InfluxDB has an integer: the whole request gets a
                    // 400
                } else if (i == 50) {
                    p.field("v", 50L).field("x", Double.NaN);
                } else if (i == 60) {
                    p.tag("sensor", "a,b=c d\nx value=1").field("v", 60L);
                } else {
                    p.field("v", (long) i);
                }
                writer.write(p.build(), null);
            }
            writer.flush(false);

            assertThat(count("poison")).isEqualTo(1 + 97);
            assertThat(INFLUX.query("SELECT v FROM poison WHERE sensor = 's37'")).isEmpty();
            assertThat(INFLUX.query("SELECT count(v) FROM poison WHERE sensor = 's99'")).hasSize(1);
            assertThat(REJECTED).hasSize(3);
            assertThat(REJECTED)
                    .anySatisfy(
                            r ->
                                    assertThat(r)
                                            .startsWith("37: InfluxDB refused it (HTTP 400)")
                                            .contains("field type conflict"));
            assertThat(REJECTED)
                    .anySatisfy(r -> assertThat(r).startsWith("50: field \"x\" is NaN"));
            assertThat(REJECTED)
                    .anySatisfy(
                            r ->
                                    assertThat(r)
                                            .startsWith("60: value of tag \"sensor\"")
                                            .contains("line break"));
            assertThat(writer.metrics().rejected.getCount()).isEqualTo(3);
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(1 + 97);
            assertThat(INFLUX.query("SHOW TAG KEYS FROM poison"))
                    .extracting(r -> r.get("tagKey"))
                    .containsOnly("sensor");
        }
    }

    @Test
    void aWriteThatKeepsFailingFailsTheJobAfterTheRetryTimeInsteadOfDroppingPoints()
            throws Exception {
        int closedPort = TestPorts.free();
        InfluxDbSink<InfluxPoint> sink =
                InfluxDbSink.<InfluxPoint>builder()
                        .url("http://127.0.0.1:" + closedPort)
                        .database("nowhere")
                        .converter(new Writers.Identity())
                        .retryInitialBackoff(Duration.ofMillis(20))
                        .retryMaxBackoff(Duration.ofMillis(100))
                        .retryMaxTotalTime(Duration.ofMillis(500))
                        .build();
        try (InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, time)) {
            writer.write(point("lost", 1), null);

            assertThatThrownBy(() -> writer.flush(false))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Flink restarts from the last checkpoint")
                    .hasRootCauseInstanceOf(ConnectException.class)
                    .cause()
                    .hasMessageContaining("Giving up writing 1 points");
            assertThat(writer.metrics().retries.getCount()).isPositive();
            assertThatThrownBy(() -> writer.write(point("lost", 2), null))
                    .isInstanceOf(IOException.class);
        }
    }
}
