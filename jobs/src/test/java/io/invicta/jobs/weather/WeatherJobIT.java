package io.invicta.jobs.weather;

import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.WeatherObserved;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Weather observations through Kafka, the job on a MiniCluster at parallelism 2, and a real
 * influxd.
 */
class WeatherJobIT {

    @RegisterExtension static final StackExtension STACK = StackExtension.withSlots(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    private static WeatherObserved observation(
            String station,
            String time,
            double temperature,
            double humidity,
            double precipitation) {
        return observation(station, time, temperature, humidity, precipitation, 350.0);
    }

    private static WeatherObserved observation(
            String station,
            String time,
            double temperature,
            double humidity,
            double precipitation,
            double windDirection) {
        return WeatherObserved.newBuilder()
                .setId(station)
                .setDateObserved(Instant.parse(time))
                .setLocation(new GeoPoint(41.16, -8.68))
                .setZone("Foz")
                .setTemperature(temperature)
                .setRelativeHumidity(humidity)
                .setAtmosphericPressure(1013.0)
                .setWindSpeed(3.0)
                .setWindDirection(windDirection)
                .setPrecipitation(precipitation)
                .build();
    }

    /**
     * Starts the job on {@code topic} with idleness {@code idleness}; dead letters go to
     * dead-letter-{@code topic}.
     */
    private static JobClient start(String topic, Duration idleness) throws Exception {
        Configuration config = new Configuration();
        config.set(InfluxDbSinkOptions.URL, INFLUX.url()); // the data-quality points
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(TopicOptions.DEAD_LETTER, "dead-letter-" + topic);
        config.set(TopicOptions.LATE_EVENTS, "late-events-" + topic);
        config.set(EventTimeOptions.IDLENESS, idleness);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        config.set(TopicOptions.of(EventKind.WEATHER), topic);
        new WeatherJob(
                        Inputs.kafka(config, topic, WeatherJob.READS),
                        new WeatherJob.Outputs(
                                InfluxDbSink.<WeatherStats>builder()
                                        .url(INFLUX.url())
                                        .database(INFLUX.database())
                                        .converter(new WeatherPoints())
                                        .build(),
                                Rejects.of(config)),
                        config)
                .build(env);
        return env.executeAsync(topic);
    }

    private static void produce(String topic, Integer partition, List<WeatherObserved> observations)
            throws Exception {
        AvroCodec<WeatherObserved> codec = Codecs.forType(WeatherObserved.class);
        KAFKA.send(
                observations.stream()
                        .map(
                                o ->
                                        new ProducerRecord<>(
                                                topic, partition, o.getId(), codec.encode(o)))
                        .toList());
    }

    @Test
    void stationAndZoneStatisticsWithPrecipitationTotalsAndPercentHumidityDeadLettered()
            throws Exception {
        KAFKA.createTopic("weather-it", 2);
        produce(
                "weather-it",
                null,
                List.of(
                        observation("w1", "2024-05-01T10:00:10Z", 14.0, 0.80, 0.2, 350.0),
                        observation("w1", "2024-05-01T10:00:40Z", 15.0, 0.78, 0.4, 10.0),
                        observation("w2", "2024-05-01T10:00:30Z", 17.0, 0.70, 1.0),
                        observation(
                                "w2",
                                "2024-05-01T10:00:50Z",
                                17.5,
                                70.0,
                                0.0), // humidity in %: dead letter
                        observation(
                                "w1",
                                "2024-05-01T10:10:00Z",
                                16.0,
                                0.75,
                                0.0), // move the watermark on
                        observation("w2", "2024-05-01T10:10:00Z", 16.0, 0.75, 0.0)));
        JobClient job = start("weather-it", Duration.ofSeconds(2));
        try {
            await("minute statistics")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                Map<String, Map<String, Object>> w1 = new HashMap<>();
                                for (Map<String, Object> row :
                                        INFLUX.query(
                                                "SELECT * FROM weather_1m WHERE time ="
                                                    + " '2024-05-01T10:00:00Z' AND sensor = 'w1'"
                                                    + " GROUP BY variable")) {
                                    w1.put((String) row.get("variable"), row);
                                }
                                assertThat(w1)
                                        .containsOnlyKeys(
                                                "temperature",
                                                "relativeHumidity",
                                                "atmosphericPressure",
                                                "windSpeed",
                                                "precipitation",
                                                "windDirection");
                                // 350° and 10°: the vector mean is north (0°), not the arithmetic
                                // 180°.
                                double direction =
                                        number(w1.get("windDirection"), "mean").doubleValue();
                                assertThat(Math.min(direction, 360 - direction)).isLessThan(1e-9);
                                assertThat(w1.get("windDirection").get("min"))
                                        .as("an angle has no min")
                                        .isNull();
                                assertThat(number(w1.get("temperature"), "mean").doubleValue())
                                        .isCloseTo(14.5, within(1e-9));
                                assertThat(number(w1.get("temperature"), "min").doubleValue())
                                        .isEqualTo(14.0);
                                assertThat(number(w1.get("temperature"), "max").doubleValue())
                                        .isEqualTo(15.0);
                                assertThat(number(w1.get("precipitation"), "total").doubleValue())
                                        .isCloseTo(0.6, within(1e-9));

                                List<Map<String, Object>> zone =
                                        INFLUX.query(
                                                "SELECT * FROM weather_zone_1m WHERE time ="
                                                    + " '2024-05-01T10:00:00Z' AND zone = 'Foz' AND"
                                                    + " variable = 'temperature'");
                                assertThat(zone)
                                        .singleElement()
                                        .satisfies(
                                                row -> {
                                                    assertThat(number(row, "count").intValue())
                                                            .isEqualTo(3);
                                                    assertThat(number(row, "mean").doubleValue())
                                                            .isCloseTo(
                                                                    (14.0 + 15.0 + 17.0) / 3,
                                                                    within(1e-9));
                                                });
                            });
            List<ConsumerRecord<String, byte[]>> letters =
                    KAFKA.consume("dead-letter-weather-it", 1, Duration.ofSeconds(30));
            assertThat(letters)
                    .singleElement()
                    .satisfies(
                            r ->
                                    assertThat(
                                                    new String(
                                                            r.headers()
                                                                    .lastHeader(
                                                                            DeadLetterSerializer
                                                                                    .DETAIL)
                                                                    .value(),
                                                            StandardCharsets.UTF_8))
                                            .contains("relativeHumidity"));
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Per-partition idleness: partition 1 carries one early observation and then falls silent while
     * partition 0 moves on ten minutes. Without idleness partition 1 would hold the watermark at
     * its last event forever and the 10:00 window would never close; with it, the window closes and
     * still counts partition 1's observation. (Checked: with {@code event-time.idleness} of one
     * hour this test times out.)
     */
    @Test
    void aSilentPartitionDoesNotStallTheWindowsOfTheOthers() throws Exception {
        KAFKA.createTopic("weather-idle", 2);
        produce(
                "weather-idle",
                0,
                List.of(
                        observation("busy", "2024-05-03T10:00:10Z", 10.0, 0.5, 0.0),
                        observation("busy", "2024-05-03T10:10:00Z", 11.0, 0.5, 0.0)));
        produce(
                "weather-idle",
                1,
                List.of(observation("silent", "2024-05-03T10:00:20Z", 20.0, 0.5, 0.0)));
        JobClient job = start("weather-idle", Duration.ofSeconds(2));
        try {
            await("the 10:00 window closes despite the silent partition")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    INFLUX.query(
                                                            "SELECT \"count\", mean FROM"
                                                                + " weather_zone_1m WHERE time ="
                                                                + " '2024-05-03T10:00:00Z' AND zone"
                                                                + " = 'Foz' AND variable ="
                                                                + " 'temperature'"))
                                            .singleElement()
                                            .satisfies(
                                                    row -> {
                                                        assertThat(number(row, "count").intValue())
                                                                .isEqualTo(2);
                                                        assertThat(
                                                                        number(row, "mean")
                                                                                .doubleValue())
                                                                .isCloseTo(15.0, within(1e-9));
                                                    }));
        } finally {
            job.cancel().get();
        }
    }
}
