package io.invicta.jobs.cep;

import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.rules.RuleRuntime;
import io.invicta.rules.RuleSet;
import io.invicta.rules.RuleSetMessage;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules job on a MiniCluster at parallelism 2 with a real Kafka (exactly-once alerts) and a
 * real influxd; and the recovery test: a TaskManager killed mid-stream, the job restored from its
 * checkpoint, and the alerts compared with those of a failure-free run.
 */
class CepJobIT {

    @RegisterExtension static final StackExtension STACK = StackExtension.withSlots(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final AvroCodec<AirQualityObserved> CODEC =
            Codecs.forType(AirQualityObserved.class);
    private static final AvroCodec<Alert> ALERTS = Codecs.forType(Alert.class);

    /**
     * Minute readings of 4 sensors in 2 zones whose NO2 rises and falls; sensor s3 goes silent
     * after 20 min.
     */
    private static List<AirQualityObserved> readings(int fromMinute, int toMinute) {
        List<AirQualityObserved> out = new ArrayList<>();
        for (int m = fromMinute; m < toMinute; m++) {
            for (int s = 0; s < 4; s++) {
                if (s == 3 && m >= 20) {
                    continue;
                }
                double no2 = 65 + 50 * Math.sin((m + 7 * s) / 9.0); // always valid: negative NO2 is
                // dead-lettered
                out.add(
                        AirQualityObserved.newBuilder()
                                .setId("s" + s)
                                .setDateObserved(T0.plusSeconds(60L * m + s))
                                .setLocation(new GeoPoint(41.15, -8.61))
                                .setZone("z" + (s % 2))
                                .setNo2(no2)
                                .build());
            }
        }
        return out;
    }

    private static void produce(String topic, List<AirQualityObserved> readings) throws Exception {
        KAFKA.send(
                readings.stream()
                        .map(o -> new ProducerRecord<>(topic, o.getId(), CODEC.encode(o)))
                        .toList());
    }

    private static JobClient start(String topic, String alertsTopic, boolean influx)
            throws Exception {
        return start(topic, alertsTopic, influx, null);
    }

    /** With {@code rulesTopic}: hot reload on, rule status to {@code <alertsTopic>-status}. */
    private static JobClient start(
            String topic, String alertsTopic, boolean influx, String rulesTopic) throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.STARTING_OFFSETS, KafkaOptions.StartingOffsets.EARLIEST);
        config.set(KafkaOptions.GROUP_ID, alertsTopic);
        config.set(TopicOptions.ALERTS, alertsTopic);
        config.set(TopicOptions.RULE_STATUS, alertsTopic + "-status");
        config.set(EventTimeOptions.MAX_OUT_OF_ORDERNESS, Duration.ZERO);
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        config.set(TopicOptions.of(EventKind.AIR_QUALITY), topic);
        config.set(TopicOptions.LATE_EVENTS, alertsTopic + "-late");
        config.set(TopicOptions.DEAD_LETTER, alertsTopic + "-dead");
        CepJob.Outputs outputs =
                new CepJob.Outputs(
                        CepJob.alertsSink(config),
                        influx
                                ? InfluxDbSink.<Alert>builder()
                                        .url(INFLUX.url())
                                        .database(INFLUX.database())
                                        .converter(new AlertPoints())
                                        .build()
                                : new DiscardingSink<>(),
                        rulesTopic == null ? new DiscardingSink<>() : CepJob.ruleStatusSink(config),
                        new Rejects(
                                rulesTopic == null
                                        ? new DiscardingSink<>()
                                        : KafkaOptions.deadLetterSink(config),
                                KafkaOptions.lateEventSink(config),
                                new DiscardingSink<>()));
        new CepJob(
                        Inputs.kafka(config, alertsTopic, List.of(EventKind.AIR_QUALITY)),
                        EsperOperatorTest.ruleSet(1, EsperOperatorTest.rules(100)),
                        rulesTopic == null ? null : CepJob.rulesSource(config, rulesTopic),
                        outputs,
                        config)
                .build(env);
        return env.executeAsync(alertsTopic);
    }

    private static List<String> alertIds(String topic, int atLeast) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r :
                KAFKA.consume(topic, atLeast, Duration.ofSeconds(90))) {
            Alert a = ((DecodeResult.Success<Alert>) ALERTS.decode(r.value())).value();
            ids.add(a.getId());
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Ground truth from the same rules run without Flink, on the same readings in event-time order.
     */
    private static List<String> expectedIds(List<AirQualityObserved> readings) throws Exception {
        List<String> ids = new ArrayList<>();
        var set =
                RuleSet.compile(
                        1, EsperOperatorTest.ruleSet(1, EsperOperatorTest.rules(100)).files());
        List<AirQualityObserved> sorted = new ArrayList<>(readings);
        sorted.sort((a, b) -> a.getDateObserved().compareTo(b.getDateObserved()));
        try (var runtime =
                RuleRuntime.start(
                        set,
                        null,
                        sorted.get(0).getDateObserved().toEpochMilli(),
                        a -> ids.add(a.getId().toString()))) {
            // The job's watermark (out-of-orderness 0) ends one ms before the newest event: it
            // releases up to there.
            long last = sorted.get(sorted.size() - 1).getDateObserved().toEpochMilli();
            for (AirQualityObserved o : sorted) {
                if (o.getDateObserved().toEpochMilli() < last) {
                    runtime.send(o);
                }
            }
            runtime.advanceTo(last - 1);
        }
        ids.sort(null);
        return ids;
    }

    @Test
    void alertsReachKafkaExactlyOnceAndInfluxDbAndMatchTheRulesRunWithoutFlink() throws Exception {
        KAFKA.createTopic("cep-in", 2);
        KAFKA.createTopic("cep-alerts", 2);
        List<AirQualityObserved> input = readings(0, 60);
        produce("cep-in", input);
        List<String> expected = expectedIds(input);
        assertThat(expected)
                .anyMatch(id -> id.startsWith("high-no2@"))
                .anyMatch(id -> id.startsWith("silent-sensor@z1@"));
        JobClient job = start("cep-in", "cep-alerts", true);
        try {
            List<String> ids = alertIds("cep-alerts", expected.size());
            assertThat(KAFKA.consume("cep-alerts-late", 1, Duration.ofSeconds(2)))
                    .as("late events")
                    .isEmpty();
            assertThat(ids).containsExactlyElementsOf(expected);
            await("alerts in InfluxDB")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(INFLUX.query("SELECT \"id\" FROM alerts"))
                                            .hasSize(expected.size()));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aRuleSetPublishedOnTheRulesTopicReplacesTheRunningOneAndKeepsItsWindows()
            throws Exception {
        KAFKA.createTopic("cep-reload-in", 1);
        KAFKA.createTopic("cep-reload-alerts", 1);
        KAFKA.createTopic("cep-reload-rules", 1);
        KAFKA.createTopic("cep-reload-alerts-dead", 1);
        JobClient job = start("cep-reload-in", "cep-reload-alerts", false, "cep-reload-rules");
        try {
            // Version 1 (threshold 100): 120 raises an alert; once it is committed, that reading
            // was evaluated.
            produce("cep-reload-in", List.of(reading("s1", 0, 120), reading("s1", 1, 40)));
            assertThat(alerts("cep-reload-alerts", 1))
                    .extracting(a -> a.getRuleVersion() + " " + a.getMessage())
                    .containsExactly("1 NO2 120 in z1");
            // A record that is not a rule set: refused, said and dead-lettered; version 1 runs on.
            byte[] notARuleSet = "threshold = 80".getBytes(StandardCharsets.UTF_8);
            KAFKA.send(List.of(new ProducerRecord<>("cep-reload-rules", "city", notARuleSet)));
            assertThat(KAFKA.consume("cep-reload-alerts-status", 1, Duration.ofSeconds(90)))
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.key()).isEqualTo("rules-topic#0");
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .contains("REJECTED")
                                        .contains("cep-reload-rules-0@0 is not a rule set");
                            });
            assertThat(KAFKA.consume("cep-reload-alerts-dead", 1, Duration.ofSeconds(90)))
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.value()).isEqualTo(notARuleSet);
                                assertThat(
                                                new String(
                                                        r.headers()
                                                                .lastHeader(
                                                                        DeadLetterSerializer.REASON)
                                                                .value(),
                                                        StandardCharsets.UTF_8))
                                        .isEqualTo("NOT_A_RULE_SET");
                            });
            byte[] v2 =
                    new RuleSetMessage(
                                    "city",
                                    2,
                                    EsperOperatorTest.ruleSet(2, EsperOperatorTest.rules(80))
                                            .files())
                            .encode();
            KAFKA.send(List.of(new ProducerRecord<>("cep-reload-rules", "city", v2)));
            // Every instance of the zone operator reports version 2 ACTIVE.
            List<ConsumerRecord<String, byte[]>> statuses =
                    KAFKA.consume("cep-reload-alerts-status", 3, Duration.ofSeconds(90)).stream()
                            .filter(r -> !r.key().startsWith("rules-topic"))
                            .toList();
            assertThat(statuses)
                    .hasSize(2)
                    .allSatisfy(
                            r ->
                                    assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                            .contains("\"version\":2")
                                            .contains("ACTIVE")
                                            .containsPattern("\"releasedUpTo\":\\d+"));
            // Version 2 (threshold 80): with the window kept across the reload, the 40 makes the
            // mean 80 (no alert)
            // and the first 85 makes it (120 + 40 + 85) / 3 = 81.7; a window lost in the reload
            // would give
            // (40 + 85) / 2 = 62.5, no alert.
            produce("cep-reload-in", List.of(reading("s1", 2, 85), reading("s1", 3, 85)));
            assertThat(alerts("cep-reload-alerts", 2))
                    .extracting(a -> a.getRuleVersion() + " " + a.getMessage())
                    .containsExactly("1 NO2 120 in z1", "2 NO2 81.7 in z1");
        } finally {
            job.cancel().get();
        }
    }

    /** The first {@code count} committed alerts of a topic, in event-time order. */
    private static List<Alert> alerts(String topic, int count) {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r :
                KAFKA.consume(topic, count, Duration.ofSeconds(90))) {
            alerts.add(((DecodeResult.Success<Alert>) ALERTS.decode(r.value())).value());
        }
        alerts.sort(Comparator.comparing(Alert::getEventTime));
        return alerts.subList(0, Math.min(count, alerts.size()));
    }

    private static AirQualityObserved reading(String sensor, int minute, double no2) {
        return AirQualityObserved.newBuilder()
                .setId(sensor)
                .setDateObserved(T0.plusSeconds(60L * minute))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setZone("z1")
                .setNo2(no2)
                .build();
    }

    @Test
    void afterATaskManagerIsKilledMidStreamTheAlertsEqualThoseOfAFailureFreeRun(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        KAFKA.createTopic("cep-recovery-in", 2);
        KAFKA.createTopic("cep-recovery-alerts", 2);
        List<AirQualityObserved> all = readings(0, 90);
        List<String> expected = expectedIds(all);
        produce("cep-recovery-in", readings(0, 45));
        JobClient job = start("cep-recovery-in", "cep-recovery-alerts", false);
        try {
            // Some alerts committed means at least one checkpoint completed with state worth
            // restoring.
            assertThat(KAFKA.consume("cep-recovery-alerts", 1, Duration.ofSeconds(90)))
                    .isNotEmpty();
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            produce("cep-recovery-in", readings(45, 90));
            List<String> ids = alertIds("cep-recovery-alerts", expected.size());
            assertThat(ids).containsExactlyElementsOf(expected);
            assertThat(
                            KAFKA.consume(
                                    "cep-recovery-alerts",
                                    expected.size() + 1,
                                    Duration.ofSeconds(5)))
                    .as("no duplicates")
                    .hasSize(expected.size());
        } finally {
            job.cancel().get();
        }
    }
}
