package io.invicta.jobs.noise;

import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.zones.ZoneOptions;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Noise observations through Kafka, the job on a MiniCluster at parallelism 2, and a real influxd.
 */
class NoiseJobIT {

    @RegisterExtension static final StackExtension STACK = StackExtension.withSlots(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    private static NoiseLevelObserved observation(
            String sensor, String end, int seconds, double laeq) {
        Instant to = Instant.parse(end);
        return NoiseLevelObserved.newBuilder()
                .setId(sensor)
                .setDateObserved(to)
                .setDateObservedFrom(to.minusSeconds(seconds))
                .setLocation(new GeoPoint(41.145, -8.611))
                .setZone("Baixa")
                .setLAeq(laeq)
                .setLAmax(laeq + 12)
                .setLAS(null)
                .build();
    }

    /**
     * Runs the job on {@code topic} with {@code config} plus the test's Kafka, late-events topic
     * and idleness.
     */
    private static JobClient start(String topic, Configuration config) throws Exception {
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(TopicOptions.LATE_EVENTS, "late-events-" + topic);
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        config.set(TopicOptions.of(EventKind.NOISE), topic);
        new NoiseJob(
                        Inputs.kafka(config, topic, NoiseJob.READS),
                        new NoiseJob.Outputs(
                                InfluxDbSink.<NoiseLevel>builder()
                                        .url(INFLUX.url())
                                        .database(INFLUX.database())
                                        .converter(new NoisePoints.Levels())
                                        .build(),
                                InfluxDbSink.<NoiseDay>builder()
                                        .url(INFLUX.url())
                                        .database(INFLUX.database())
                                        .converter(new NoisePoints.Lden())
                                        .build(),
                                Rejects.of(config)),
                        config)
                .build(env);
        return env.executeAsync(topic);
    }

    @Test
    void minuteLevelsPerSensorAndZoneAreEnergeticMeansAndImpossibleLevelsAreDeadLettered()
            throws Exception {
        KAFKA.createTopic("noise-it", 2);
        KAFKA.createTopic("dead-letter-noise", 1);
        AvroCodec<NoiseLevelObserved> codec = Codecs.forType(NoiseLevelObserved.class);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (NoiseLevelObserved o :
                    List.of(
                            observation("n1", "2024-05-01T10:00:30Z", 30, 60.0),
                            observation("n1", "2024-05-01T10:00:59Z", 30, 70.0),
                            observation("n2", "2024-05-01T10:00:45Z", 60, 65.0),
                            observation(
                                    "n2",
                                    "2024-05-01T10:00:50Z",
                                    5,
                                    -5.0), // impossible: dead letter
                            observation(
                                    "n1",
                                    "2024-05-01T10:10:00Z",
                                    60,
                                    50.0), // move the watermark on
                            observation("n2", "2024-05-01T10:10:00Z", 60, 50.0))) {
                producer.send(new ProducerRecord<>("noise-it", o.getId(), codec.encode(o))).get();
            }
        }

        Configuration config = new Configuration();
        config.set(InfluxDbSinkOptions.URL, INFLUX.url()); // the data-quality points
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(TopicOptions.DEAD_LETTER, "dead-letter-noise");
        JobClient job = start("noise-it", config);
        try {
            // Independent arithmetic: energies weighted by the observed seconds.
            double n1 = 10 * Math.log10((30 * Math.pow(10, 6.0) + 30 * Math.pow(10, 7.0)) / 60);
            double zone =
                    10
                            * Math.log10(
                                    (30 * Math.pow(10, 6.0)
                                                    + 30 * Math.pow(10, 7.0)
                                                    + 60 * Math.pow(10, 6.5))
                                            / 120);
            await("minute levels")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                Map<String, Double> laeq = new HashMap<>();
                                for (Map<String, Object> row :
                                        INFLUX.query(
                                                "SELECT laeq FROM noise_1m WHERE time ="
                                                    + " '2024-05-01T10:00:00Z' GROUP BY sensor")) {
                                    laeq.put(
                                            (String) row.get("sensor"),
                                            number(row, "laeq").doubleValue());
                                }
                                assertThat(laeq).containsOnlyKeys("n1", "n2");
                                assertThat(laeq.get("n1")).isCloseTo(n1, within(1e-9));
                                assertThat(laeq.get("n2")).isCloseTo(65.0, within(1e-9));
                                List<Map<String, Object>> zones =
                                        INFLUX.query(
                                                "SELECT laeq, lamax, \"count\" FROM noise_zone_1m"
                                                        + " WHERE time = '2024-05-01T10:00:00Z' AND"
                                                        + " zone = 'Baixa'");
                                assertThat(zones)
                                        .singleElement()
                                        .satisfies(
                                                row -> {
                                                    assertThat(number(row, "laeq").doubleValue())
                                                            .isCloseTo(zone, within(1e-9));
                                                    assertThat(number(row, "lamax").doubleValue())
                                                            .isEqualTo(82.0);
                                                    assertThat(number(row, "count").intValue())
                                                            .isEqualTo(3);
                                                });
                            });
            List<ConsumerRecord<String, byte[]>> letters =
                    KAFKA.consume("dead-letter-noise", 1, Duration.ofSeconds(30));
            assertThat(letters)
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.key()).isEqualTo("n2");
                                assertThat(
                                                new String(
                                                        r.headers()
                                                                .lastHeader(
                                                                        DeadLetterSerializer.DETAIL)
                                                                .value(),
                                                        StandardCharsets.UTF_8))
                                        .contains("-5.0");
                            });
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void withAGeoJsonFileTheZoneTagIsTheNameOfThePolygonContainingTheSensor() throws Exception {
        KAFKA.createTopic("noise-zones", 2);
        AvroCodec<NoiseLevelObserved> codec = Codecs.forType(NoiseLevelObserved.class);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (NoiseLevelObserved o :
                    List.of(
                            located("z-centro", "2024-05-02T10:00:30Z", 41.1550, -8.6100, null),
                            located("z-bonfim", "2024-05-02T10:00:30Z", 41.1600, -8.5800, null),
                            located("z-far", "2024-05-02T10:00:30Z", 41.2500, -8.7000, null),
                            located(
                                    "z-own",
                                    "2024-05-02T10:00:30Z",
                                    41.1550,
                                    -8.6100,
                                    "Baixa"), // its own zone wins
                            located(
                                    "z-centro",
                                    "2024-05-02T10:10:00Z",
                                    41.1550,
                                    -8.6100,
                                    null), // move the watermark on
                            located("z-far", "2024-05-02T10:10:00Z", 41.2500, -8.7000, null))) {
                producer.send(new ProducerRecord<>("noise-zones", o.getId(), codec.encode(o)))
                        .get();
            }
        }
        Configuration config = new Configuration();
        config.set(InfluxDbSinkOptions.URL, INFLUX.url()); // the data-quality points
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(TopicOptions.DEAD_LETTER, "dead-letter-noise-zones");
        // The shipped example (illustrative polygons, not official parishes); the job reads it when
        // it is built.
        config.set(ZoneOptions.ZONES_GEOJSON_FILE, "../data/zones/porto-example-zones.geojson");
        JobClient job = start("noise-zones", config);
        try {
            await("zone tags from the polygons")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                Map<String, String> zoneOfSensor = new HashMap<>();
                                for (Map<String, Object> row :
                                        INFLUX.query(
                                                "SELECT laeq, zone FROM noise_1m WHERE time ="
                                                    + " '2024-05-02T10:00:00Z' GROUP BY sensor")) {
                                    zoneOfSensor.put(
                                            (String) row.get("sensor"), (String) row.get("zone"));
                                }
                                assertThat(zoneOfSensor)
                                        .containsExactlyInAnyOrderEntriesOf(
                                                Map.of(
                                                        "z-centro",
                                                        "Centro",
                                                        "z-bonfim",
                                                        "Bonfim",
                                                        "z-far",
                                                        "outside",
                                                        "z-own",
                                                        "Baixa"));
                                List<String> zones = new ArrayList<>();
                                for (Map<String, Object> row :
                                        INFLUX.query(
                                                "SELECT laeq FROM noise_zone_1m WHERE time ="
                                                    + " '2024-05-02T10:00:00Z' GROUP BY zone")) {
                                    zones.add((String) row.get("zone"));
                                }
                                assertThat(zones)
                                        .containsExactlyInAnyOrder(
                                                "Centro", "Bonfim", "outside", "Baixa");
                            });
        } finally {
            job.cancel().get();
        }
    }

    private static NoiseLevelObserved located(
            String sensor, String end, double lat, double lon, String zone) {
        Instant to = Instant.parse(end);
        return NoiseLevelObserved.newBuilder()
                .setId(sensor)
                .setDateObserved(to)
                .setDateObservedFrom(to.minusSeconds(30))
                .setLocation(new GeoPoint(lat, lon))
                .setZone(zone)
                .setLAeq(60.0)
                .setLAmax(70.0)
                .setLAS(null)
                .build();
    }
}
