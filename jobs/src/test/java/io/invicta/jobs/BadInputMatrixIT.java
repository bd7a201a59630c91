package io.invicta.jobs;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.cep.RuleSetUpdate;
import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.rules.RuleFile;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.JobCounters;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of bad sensor input, interleaved with an hour of good readings of two stations, read
 * by the air-quality job and the rules job at once (Kafka in-JVM, MiniCluster, real influxd). Each
 * bad record must end as one dead letter per job, with its reason, its original bytes and where it
 * came from, counted by reason; neither job may fail (no restarts allowed); and the good readings
 * must be counted exactly once, in the hourly means and in a rule that counts them, under ids and
 * zones that carry line-protocol metacharacters without adding a point or a tag.
 */
class BadInputMatrixIT {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final StackExtension STACK =
            StackExtension.withSlots(4, METRICS.addToConfiguration(new Configuration()));

    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    private static final AvroCodec<AirQualityObserved> CODEC =
            Codecs.forType(AirQualityObserved.class);
    private static final String TOPIC = "matrix-air-quality";
    private static final Instant HOUR = Instant.parse("2024-05-01T10:00:00Z");

    /** A plain id, and one with every character line protocol escapes in a tag. */
    private static final String PLAIN = "porto-aq-1";

    private static final String ESCAPED = "porto aq,2=\"x\"";
    private static final String PARISH = "Aldoar, Foz do Douro e Nevogilde";

    /** One rule: each station's readings per clock hour, as a rule author would count them. */
    private static final String COUNTING_RULE =
            """
            module matrix;
            @Name('readings-per-hour')
            @Description('Readings of a station in a clock hour')
            @Tag(name='severity', value='INFO')
            @Tag(name='partition', value='sensor')
            @Tag(name='message', value='{readings} readings')
            select id as sensor, count(*) as readings
            from AirQualityObserved#time_batch(1 hour, 0L) group by id having count(*) > 0;
            """;

    private record Bad(String reason, String key, byte[] value) {}

    private static AirQualityObserved reading(String sensor, Instant at, double no2) {
        return AirQualityObserved.newBuilder()
                .setId(sensor)
                .setDateObserved(at)
                .setLocation(new GeoPoint(41.16, -8.68))
                .setZone(sensor.equals(PLAIN) ? "Baixa" : PARISH)
                .setNo2(no2)
                .build();
    }

    private static byte[] encode(AirQualityObserved r) {
        return CODEC.encode(r);
    }

    /** The bad records, each placed among the good ones of its sensor. */
    private static List<Bad> badRecords() {
        Instant t = HOUR.plusSeconds(30 * 60 + 30); // between two good readings
        byte[] good = encode(reading(PLAIN, t, 40));
        byte[] unknownFingerprint = good.clone();
        for (int i = 2; i < 10; i++) { // C3 01, then the writer schema's 8-byte fingerprint
            unknownFingerprint[i] ^= (byte) 0x5a;
        }
        NoiseLevelObserved noise =
                NoiseLevelObserved.newBuilder()
                        .setId(PLAIN)
                        .setDateObserved(t)
                        .setDateObservedFrom(t.minusSeconds(60))
                        .setLocation(new GeoPoint(41.16, -8.68))
                        .setLAeq(60.0)
                        .build();
        byte[] oversized = Arrays.copyOf(good, 70_000); // the default limit is 64 KiB
        return List.of(
                new Bad("CORRUPT_BODY", PLAIN, Arrays.copyOf(good, good.length + 3)),
                new Bad("TRUNCATED", PLAIN, Arrays.copyOf(good, good.length - 4)),
                new Bad("BAD_HEADER", PLAIN, "no2=40".getBytes(StandardCharsets.UTF_8)),
                new Bad("UNKNOWN_FINGERPRINT", PLAIN, unknownFingerprint),
                new Bad(
                        "INCOMPATIBLE_SCHEMA",
                        PLAIN,
                        Codecs.forType(NoiseLevelObserved.class).encode(noise)),
                new Bad("EMPTY", PLAIN, new byte[0]),
                new Bad("OVERSIZED", PLAIN, oversized),
                new Bad("INVALID", PLAIN, encode(reading(PLAIN, t, Double.NaN))),
                new Bad(
                        "INVALID",
                        ESCAPED,
                        encode(
                                AirQualityObserved.newBuilder(reading(ESCAPED, t, 40))
                                        .setO3(Double.POSITIVE_INFINITY)
                                        .build())),
                new Bad("INVALID", PLAIN, encode(reading(PLAIN, t, -3))),
                new Bad("INVALID", ESCAPED, encode(reading(ESCAPED, t, 1e6))),
                new Bad(
                        "INVALID",
                        PLAIN,
                        encode(reading(PLAIN, Instant.now().plus(Duration.ofDays(2)), 40))),
                new Bad(
                        "INVALID",
                        PLAIN,
                        encode(reading(PLAIN, Instant.parse("1999-12-31T23:59:00Z"), 40))),
                new Bad(
                        "INVALID",
                        PLAIN + "\nair_quality_1h,sensor=x mean=1",
                        encode(reading(PLAIN + "\nair_quality_1h,sensor=x mean=1", t, 40))),
                // A reading of PLAIN under another sensor's key, at a time of its own.
                new Bad("KEY_MISMATCH", "porto-aq-9", good));
    }

    @Test
    void everyBadInputIsADeadLetterWithItsReasonBothJobsRunOnAndGoodReadingsCountOnce()
            throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        for (String t : List.of("matrix-dead", "matrix-cep-dead", "matrix-alerts")) {
            KAFKA.createTopic(t, 1);
        }
        Map<String, double[]> sums = new HashMap<>(); // sensor → {count, sum of NO2}
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<Bad> bad = badRecords();
        for (int m = 0; m < 60; m++) {
            for (String sensor : List.of(PLAIN, ESCAPED)) {
                double no2 = 20 + (m * 7 + sensor.length()) % 23 + 0.1 * (m % 3);
                byte[] value = encode(reading(sensor, HOUR.plusSeconds(60L * m), no2));
                records.add(new ProducerRecord<>(TOPIC, sensor, value));
                double[] s = sums.computeIfAbsent(sensor, k -> new double[2]);
                s[0]++;
                s[1] += no2;
                if (m == 10) {
                    // The same reading again, as a retrying producer would send it.
                    records.add(new ProducerRecord<>(TOPIC, sensor, value.clone()));
                }
            }
            if (m == 30) {
                bad.forEach(b -> records.add(new ProducerRecord<>(TOPIC, b.key(), b.value())));
            }
        }
        for (String sensor : List.of(PLAIN, ESCAPED)) {
            // Two hours on: every window of the hour closes.
            records.add(
                    new ProducerRecord<>(
                            TOPIC, sensor, encode(reading(sensor, HOUR.plusSeconds(3 * 3600), 1))));
        }
        KAFKA.send(records);
        Map<String, Long> wantReasons = new HashMap<>();
        bad.forEach(b -> wantReasons.merge(b.reason(), 1L, Long::sum));
        wantReasons.put("DUPLICATE", 2L);
        int letters = bad.size() + 2;

        JobClient metrics = startAirQualityJob();
        JobClient rules = startRulesJob();
        try {
            for (String topic : List.of("matrix-dead", "matrix-cep-dead")) {
                List<ConsumerRecord<String, byte[]>> dead =
                        KAFKA.consume(topic, letters, Duration.ofSeconds(120));
                assertThat(countBy(dead, r -> header(r, DeadLetterSerializer.REASON)))
                        .as("reasons in %s", topic)
                        .isEqualTo(wantReasons);
                assertThat(dead).as(topic).hasSize(letters);
                for (Bad b : bad) {
                    assertThat(dead)
                            .as("%s in %s", b.reason(), topic)
                            .anySatisfy(
                                    r -> {
                                        assertThat(header(r, DeadLetterSerializer.REASON))
                                                .isEqualTo(b.reason());
                                        assertThat(r.key()).isEqualTo(b.key());
                                        assertThat(r.value()).isEqualTo(b.value());
                                        assertThat(header(r, DeadLetterSerializer.SOURCE))
                                                .matches(TOPIC + "/[01]/[0-9]+");
                                        assertThat(header(r, DeadLetterSerializer.DETAIL))
                                                .isNotBlank();
                                    });
                }
            }
            for (JobClient job : List.of(metrics, rules)) {
                await("dead letters counted by reason")
                        .atMost(Duration.ofSeconds(30))
                        .untilAsserted(
                                () -> {
                                    assertThat(
                                                    JobCounters.sum(
                                                            METRICS,
                                                            job.getJobID(),
                                                            ".deadLetters"))
                                            .isEqualTo(letters);
                                    wantReasons.forEach(
                                            (reason, n) ->
                                                    assertThat(
                                                                    JobCounters.sum(
                                                                            METRICS,
                                                                            job.getJobID(),
                                                                            ".deadLettersByReason.reason."
                                                                                    + reason
                                                                                    + ".count"))
                                                            .as(reason)
                                                            .isEqualTo(n));
                                });
            }

            // The hour's means count every good reading once, under the ids and zones as sent.
            String hourly =
                    "SELECT \"count\", mean, zone FROM air_quality_1h WHERE time = '"
                            + HOUR
                            + "' GROUP BY sensor";
            await("hourly means")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(INFLUX.query(hourly)).hasSize(2));
            for (Map<String, Object> row : INFLUX.query(hourly)) {
                double[] want = sums.get((String) row.get("sensor"));
                assertThat(want).as("sensor tag %s", row.get("sensor")).isNotNull();
                assertThat(number(row, "count").longValue()).isEqualTo((long) want[0]);
                assertThat(number(row, "mean").doubleValue())
                        .isCloseTo(want[1] / want[0], Offset.offset(1e-9));
                assertThat(row.get("zone"))
                        .isEqualTo(row.get("sensor").equals(PLAIN) ? "Baixa" : PARISH);
            }
            assertThat(tagValues("air_quality_1m", "sensor"))
                    .containsExactlyInAnyOrder(PLAIN, ESCAPED);
            assertThat(tagValues("air_quality_1h", "zone"))
                    .containsExactlyInAnyOrder("Baixa", PARISH);
            assertThat(tagKeys("air_quality_1h")).doesNotContain("mean", "x", "2");

            // The rule saw the same readings, each once.
            List<ConsumerRecord<String, byte[]>> alerts =
                    KAFKA.consume("matrix-alerts", 2, Duration.ofSeconds(90));
            Map<String, String> readingsInHour =
                    alerts.stream()
                            .map(r -> ((DecodeResult.Success<Alert>) alert(r.value())).value())
                            .filter(a -> a.getEventTime().equals(HOUR.plusSeconds(3600)))
                            .collect(
                                    Collectors.toMap(
                                            a -> a.getPartitionKey().toString(),
                                            a -> a.getMessage().toString()));
            assertThat(readingsInHour)
                    .isEqualTo(
                            Map.of(
                                    PLAIN,
                                    (long) sums.get(PLAIN)[0] + " readings",
                                    ESCAPED,
                                    (long) sums.get(ESCAPED)[0] + " readings"));

            // Neither job failed (their restart strategy allows none).
            assertThat(metrics.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(rules.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            metrics.cancel().get();
            rules.cancel().get();
        }
    }

    private static DecodeResult<Alert> alert(byte[] value) {
        return Codecs.forType(Alert.class).decode(value);
    }

    private static Configuration config(String group, String deadLetters) {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.STARTING_OFFSETS, KafkaOptions.StartingOffsets.EARLIEST);
        config.set(KafkaOptions.GROUP_ID, group);
        config.set(InfluxDbSinkOptions.URL, INFLUX.url());
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(TopicOptions.of(EventKind.AIR_QUALITY), TOPIC);
        config.set(TopicOptions.DEAD_LETTER, deadLetters);
        config.set(TopicOptions.LATE_EVENTS, deadLetters + "-late");
        config.set(TopicOptions.ALERTS, "matrix-alerts");
        config.set(TopicOptions.RULE_STATUS, "matrix-rule-status");
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        return config;
    }

    /** A job environment whose restart strategy allows no restart: a failure fails the job. */
    private static StreamExecutionEnvironment environment() {
        Configuration env = new Configuration();
        env.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment e = StreamExecutionEnvironment.getExecutionEnvironment(env);
        e.setParallelism(2);
        e.enableCheckpointing(500);
        return e;
    }

    private static JobClient startAirQualityJob() throws Exception {
        Configuration config = config("matrix-air-quality-job", "matrix-dead");
        StreamExecutionEnvironment env = environment();
        new AirQualityJob(
                        Inputs.kafka(config, "matrix", AirQualityJob.READS),
                        AirQualityJob.Outputs.of(config),
                        config)
                .build(env);
        return env.executeAsync("matrix-air-quality");
    }

    private static JobClient startRulesJob() throws Exception {
        Configuration config = config("matrix-rules-job", "matrix-cep-dead");
        config.set(EventTimeOptions.MAX_OUT_OF_ORDERNESS, Duration.ZERO);
        StreamExecutionEnvironment env = environment();
        new CepJob(
                        Inputs.kafka(config, "matrix", List.of(EventKind.AIR_QUALITY)),
                        RuleSetUpdate.of(1, List.of(new RuleFile("matrix.epl", COUNTING_RULE))),
                        null,
                        CepJob.Outputs.of(config),
                        config)
                .build(env);
        return env.executeAsync("matrix-rules");
    }

    private static List<String> tagValues(String measurement, String key) {
        return INFLUX
                .query("SHOW TAG VALUES FROM " + measurement + " WITH KEY = \"" + key + "\"")
                .stream()
                .map(r -> (String) r.get("value"))
                .toList();
    }

    private static List<String> tagKeys(String measurement) {
        return INFLUX.query("SHOW TAG KEYS FROM " + measurement).stream()
                .map(r -> (String) r.get("tagKey"))
                .toList();
    }

    private static Map<String, Long> countBy(
            List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
