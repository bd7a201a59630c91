package io.invicta.sinks.influxdb;

import io.invicta.testkit.InfluxDbExtension;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink in a Flink job on a MiniCluster: a restart from a checkpoint stores what a failure-free
 * run stores.
 */
class InfluxDbSinkIT {

    private static final int PARALLELISM = 2;
    private static final int RECORDS = 20_000;

    @RegisterExtension static final InfluxDbExtension INFLUX = new InfluxDbExtension("sink_it");

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    /**
     * Failures thrown by {@link FailOnceAfterACheckpoint}, across its restarts (same JVM: a
     * static).
     */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Test
    void aRestartFromACheckpointStoresTheSameResultAsAFailureFreeRun() throws Exception {
        JobID cleanJob = run("clean", false);
        run("recovered", true);

        assertThat(FAILURES.get()).as("the recovered run failed once and restarted").isEqualTo(1);
        List<Map<String, Object>> clean = perKey("clean");
        assertThat(clean).hasSize(10);
        assertThat(perKey("recovered")).isEqualTo(clean);
        assertThat(total("recovered")).isEqualTo(RECORDS);
        assertThat(total("clean")).isEqualTo(RECORDS);

        // The sink's metrics, in the writer's metric group, for the failure-free run.
        assertThat(sum(cleanJob, ".numRecordsSend")).isEqualTo(RECORDS);
        assertThat(sum(cleanJob, ".numRecordsSendErrors")).isZero();
        assertThat(sum(cleanJob, ".rejectedPoints")).isZero();
        assertThat(sum(cleanJob, ".writeRetries")).isZero();
        assertThat(sum(cleanJob, ".batchesWritten")).isGreaterThanOrEqualTo(RECORDS / 300);
        assertThat(sum(cleanJob, ".numBytesSend")).isGreaterThan(RECORDS * 20L);
        Map<String, Metric> metrics = METRICS.getMetricsByIdentifiers(cleanJob);
        assertThat(metrics.entrySet())
                .filteredOn(e -> e.getKey().endsWith(".inFlightBatches"))
                .hasSize(PARALLELISM)
                .allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(Gauge.class));
        assertThat(metrics.entrySet())
                .filteredOn(e -> e.getKey().endsWith(".writeLatencyMs"))
                .hasSize(PARALLELISM)
                .allSatisfy(e -> assertThat(((Histogram) e.getValue()).getCount()).isPositive());
    }

    private static long sum(JobID job, String suffix) {
        return METRICS.getMetricsByIdentifiers(job).entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix) && e.getValue() instanceof Counter)
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }

    private static JobID run(String measurement, boolean failOnce) throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(50);
        // At most 1,000 records per reader between checkpoints, so the failure comes after
        // completed checkpoints.
        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        i -> i, RECORDS, RateLimiterStrategy.perCheckpoint(1_000), Types.LONG);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailOnceAfterACheckpoint(failOnce))
                .sinkTo(
                        InfluxDbSink.<Long>builder()
                                .url(INFLUX.url())
                                .database(INFLUX.database())
                                .batchPoints(300)
                                .converter(new NumberPoints(measurement))
                                .build())
                .name("influxdb");
        return env.execute("influx-sink-it-" + measurement).getJobID();
    }

    private static List<Map<String, Object>> perKey(String measurement) {
        return INFLUX.query(
                "SELECT count(v), sum(v), min(v), max(v), sum(half) FROM "
                        + measurement
                        + " GROUP BY k");
    }

    private static long total(String measurement) {
        return ((Number) INFLUX.query("SELECT count(v) FROM " + measurement).get(0).get("count"))
                .longValue();
    }

    /** Point identity derived from the record: k = i mod 10, timestamp = i ms. */
    static final class NumberPoints implements PointConverter<Long> {
        private static final long serialVersionUID = 1L;
        private final String measurement;

        NumberPoints(String measurement) {
            this.measurement = measurement;
        }

        @Override
        public void convert(Long i, Consumer<InfluxPoint> out) {
            out.accept(
                    InfluxPoint.measurement(measurement)
                            .time(1_700_000_000_000L + i, TimeUnit.MILLISECONDS)
                            .tag("k", "k" + (i % 10))
                            .field("v", i)
                            .field("half", i / 2.0)
                            .build());
        }
    }

    /** Throws once, in one subtask, after it has seen a completed checkpoint and 2,500 records. */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final boolean enabled;
        private transient boolean checkpointed;
        private transient int seen;

        FailOnceAfterACheckpoint(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public Long map(Long value) {
            if (enabled
                    && checkpointed
                    && ++seen >= 2_500
                    && FAILURES.get() == 0
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException(
                        "Expected test failure: restart from the last checkpoint");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
