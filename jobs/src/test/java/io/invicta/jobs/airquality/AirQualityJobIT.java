package io.invicta.jobs.airquality;

import io.invicta.jobs.common.DeadLetterSerializer;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.testkit.KafkaExtension;
import io.invicta.tools.airquality.ProduceAirQuality;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.testkit.InfluxDbExtension;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka (in-JVM broker) → the job on a MiniCluster at parallelism 2 → a real influxd. */
class AirQualityJobIT {

    private static final int PARALLELISM = 2;
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @RegisterExtension
    static final InfluxDbExtension INFLUX = new InfluxDbExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .build());

    @TempDir
    Path tmp;

    @Test
    void perMinuteMeansOfEverySensorAndPollutantReachInfluxAndBadRecordsAreCountedAndDeadLettered() throws Exception {
        KAFKA.createTopic("aq-means", 4);
        KAFKA.createTopic("dead-letter-means", 1);
        Path expected = tmp.resolve("expected.csv");
        produce("aq-means", expected, 4);

        JobClient job = startJob("aq-means", "group-means", "dead-letter-means");
        try {
            Map<String, double[]> want = readExpected(expected);
            await("all expected means in InfluxDB").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(storedMeans()).containsOnlyKeys(want.keySet()));
            Map<String, double[]> stored = storedMeans();
            want.forEach((key, w) -> {
                assertThat(stored.get(key)[0]).as("count of %s", key).isEqualTo(w[0]);
                assertThat(stored.get(key)[1]).as("mean of %s", key).isCloseTo(w[1], org.assertj.core.data.Offset.offset(1e-9));
            });
            await("dead letters counted").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(counter(job.getJobID(), ".deadLetters")).isEqualTo(4));
            for (String reason : List.of("TRUNCATED", "BAD_HEADER", "UNKNOWN_FINGERPRINT", "INVALID")) {
                assertThat(counter(job.getJobID(), ".deadLettersByReason." + reason)).as(reason).isEqualTo(1);
            }
            List<ConsumerRecord<String, byte[]>> letters = KAFKA.consume("dead-letter-means", 4, Duration.ofSeconds(60));
            assertThat(letters).extracting(r -> header(r, DeadLetterSerializer.REASON))
                    .containsExactlyInAnyOrder("TRUNCATED", "BAD_HEADER", "UNKNOWN_FINGERPRINT", "INVALID");
            assertThat(letters).allSatisfy(r -> {
                assertThat(header(r, DeadLetterSerializer.SOURCE)).startsWith("aq-means/");
                assertThat(r.key()).startsWith("porto-aq-");
            });
            assertThat(letters).filteredOn(r -> header(r, DeadLetterSerializer.REASON).equals("INVALID"))
                    .singleElement().satisfies(r -> assertThat(header(r, DeadLetterSerializer.DETAIL)).contains("no2"));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void replayingTheTopicOverwritesThePointsInsteadOfDuplicatingThem() throws Exception {
        KAFKA.createTopic("aq-replay", 4);
        KAFKA.createTopic("dead-letter-replay", 1);
        Path expected = tmp.resolve("expected.csv");
        produce("aq-replay", expected, 0);
        Map<String, double[]> want = readExpected(expected);

        for (String group : List.of("first-run", "replay-run")) {
            JobClient job = startJob("aq-replay", group, "dead-letter-replay");
            try {
                // Each run reads the whole topic from the earliest offset (a new consumer group).
                await(group).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> pointsWritten(job.getJobID()) >= want.size());
            } finally {
                job.cancel().get();
            }
        }

        assertThat(INFLUX.query("SELECT count(\"mean\") FROM air_quality_1m WHERE time >= '2024-05-01T09:00:00Z' "
                + "AND time < '2024-05-01T10:00:00Z'")).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("count")).intValue()).isEqualTo(want.size()));
    }

    private static void produce(String topic, Path expected, int corrupt) {
        int exit = new CommandLine(new ProduceAirQuality()).execute(
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic,
                "--sensors", "6", "--minutes", "3", "--per-minute", "6",
                "--start", topicStart(topic).toString(), "--corrupt", String.valueOf(corrupt),
                "--expected", expected.toString());
        assertThat(exit).isZero();
    }

    /** Each test writes its own hour, so the tests share one influxd without seeing each other's points. */
    private static Instant topicStart(String topic) {
        return topic.equals("aq-replay") ? Instant.parse("2024-05-01T09:00:00Z") : Instant.parse("2024-05-01T08:00:00Z");
    }

    private static JobClient startJob(String topic, String group, String deadLetterTopic) throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.GROUP_ID, group);
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, deadLetterTopic);
        config.set(AirQualityJob.TOPIC, topic);
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(1000);
        new AirQualityJob(
                KafkaOptions.source(config, topic, AirQualityObserved.class, AirQualityJob.validator(config), group),
                InfluxDbSink.<PollutantMean>builder().url(INFLUX.url()).database(INFLUX.database())
                        .converter(new PollutantMeanPoints()).build(),
                KafkaOptions.deadLetterSink(config),
                config).build(env);
        return env.executeAsync("air-quality-it-" + group);
    }

    private static Map<String, double[]> readExpected(Path csv) throws Exception {
        Map<String, double[]> want = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            want.put(f[0] + "," + f[1] + "," + f[2], new double[]{Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        assertThat(want).isNotEmpty();
        return want;
    }

    private static Map<String, double[]> storedMeans() {
        Map<String, double[]> stored = new HashMap<>();
        for (Map<String, Object> row : INFLUX.query("SELECT \"count\", \"mean\" FROM air_quality_1m "
                + "WHERE time >= '2024-05-01T08:00:00Z' AND time < '2024-05-01T09:00:00Z' GROUP BY sensor, pollutant")) {
            long time = Instant.parse((String) row.get("time")).toEpochMilli();
            stored.put(row.get("sensor") + "," + row.get("pollutant") + "," + time,
                    new double[]{((Number) row.get("count")).doubleValue(), ((Number) row.get("mean")).doubleValue()});
        }
        return stored;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sum over subtasks of the counters whose identifier ends with {@code suffix}. */
    private static long counter(JobID job, String suffix) {
        return METRICS.getMetricsByIdentifiers(job).entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix) && e.getValue() instanceof Counter)
                .mapToLong(e -> ((Counter) e.getValue()).getCount()).sum();
    }

    private static long pointsWritten(JobID job) {
        return counter(job, ".numRecordsSend");
    }
}
