package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;
import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.LateEventSerializer;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.JobCounters;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;
import io.invicta.tools.airquality.ProduceAirQuality;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka (in-JVM broker) → the job on a MiniCluster at parallelism 2 → a real influxd. */
class AirQualityJobIT {

    private static final int PARALLELISM = 2;
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final StackExtension STACK =
            StackExtension.withSlots(PARALLELISM, METRICS.addToConfiguration(new Configuration()));

    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    @TempDir Path tmp;

    @Test
    void perMinuteMeansOfEverySensorAndPollutantReachInfluxAndBadRecordsAreCountedAndDeadLettered()
            throws Exception {
        KAFKA.createTopic("aq-means", 4);
        KAFKA.createTopic("dead-letter-means", 1);
        Path expected = tmp.resolve("expected.csv");
        produce(
                "aq-means",
                expected,
                4,
                "PT2H"); // the closing readings also close the hour windows

        JobClient job = startJob("aq-means", "group-means", "dead-letter-means");
        try {
            Map<String, double[]> want = readExpected(expected);
            await("all expected means in InfluxDB")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(storedMeans()).containsOnlyKeys(want.keySet()));
            Map<String, double[]> stored = storedMeans();
            want.forEach(
                    (key, w) -> {
                        assertThat(stored.get(key)[0]).as("count of %s", key).isEqualTo(w[0]);
                        assertThat(stored.get(key)[1])
                                .as("mean of %s", key)
                                .isCloseTo(w[1], Offset.offset(1e-9));
                    });
            // The hour and the zones (6 stations in 2 zones): the same readings aggregated
            // differently, checked
            // against the per-minute expectations (count-weighted), with each sensor's zone as the
            // job tagged it.
            Map<String, double[]> hourly =
                    aggregate(want, key -> key.substring(0, key.lastIndexOf(',')) + ",08:00");
            await("hourly means")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () ->
                                    assertCloseTo(
                                            means("air_quality_1h", "sensor", "08:00"), hourly));
            Map<String, String> zoneOf = zonesOfSensors();
            assertThat(zoneOf)
                    .containsEntry("porto-aq-000", "zone-0")
                    .containsEntry("porto-aq-001", "zone-1");
            Map<String, double[]> zonal =
                    aggregate(
                            want,
                            key -> {
                                String[] k = key.split(",");
                                return zoneOf.get(k[0]) + "," + k[1] + "," + k[2];
                            });
            await("zone means")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> assertCloseTo(means("air_quality_zone_1m", "zone", null), zonal));
            // The index of 08:00: hourly NO2/O3, and PM 24 h running means ending at 09:00 (all PM
            // readings here: the job runs with air-quality.pm-min-hours 1, the day has one hour).
            Map<String, Integer> wantLevel = new HashMap<>();
            Map<String, String> wantDominant = new HashMap<>();
            hourly.keySet().stream()
                    .map(k -> k.split(",")[0])
                    .distinct()
                    .forEach(
                            sensor -> {
                                Map<Eaqi.Pollutant, Double> c = new EnumMap<>(Eaqi.Pollutant.class);
                                for (Eaqi.Pollutant p : Eaqi.Pollutant.values()) {
                                    double[] v =
                                            hourly.get(
                                                    sensor
                                                            + ","
                                                            + p.name().toLowerCase()
                                                            + ",08:00");
                                    if (v != null) {
                                        c.put(p, v[1]);
                                    }
                                }
                                Eaqi.Overall overall = Eaqi.overall(c);
                                wantLevel.put(sensor, overall.band().level());
                                wantDominant.put(sensor, overall.dominant().name());
                            });
            await("air quality index")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                Map<String, Integer> level = new HashMap<>();
                                Map<String, String> dominant = new HashMap<>();
                                for (Map<String, Object> row :
                                        INFLUX.query(
                                                "SELECT level, dominant FROM air_quality_index_1h"
                                                    + " WHERE time = '2024-05-01T08:00:00Z' GROUP"
                                                    + " BY sensor")) {
                                    level.put(
                                            (String) row.get("sensor"),
                                            number(row, "level").intValue());
                                    dominant.put(
                                            (String) row.get("sensor"),
                                            (String) row.get("dominant"));
                                }
                                assertThat(level).isEqualTo(wantLevel);
                                assertThat(dominant).isEqualTo(wantDominant);
                            });
            // Limit values: every station's closed NO2 hours were judged (none of these values
            // exceeds 200).
            await("exceedance counts")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    INFLUX.query(
                                                            "SELECT \"count\", allowed FROM"
                                                                + " air_quality_exceedances WHERE"
                                                                + " \"limit\" = 'NO2_HOURLY_200'"
                                                                + " GROUP BY sensor"))
                                            .hasSize(wantLevel.size())
                                            .allSatisfy(
                                                    row -> {
                                                        assertThat(number(row, "count").intValue())
                                                                .isZero();
                                                        assertThat(
                                                                        number(row, "allowed")
                                                                                .intValue())
                                                                .isEqualTo(18);
                                                    }));
            await("dead letters counted")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(counter(job.getJobID(), ".deadLetters")).isEqualTo(4));
            for (String reason :
                    List.of("TRUNCATED", "BAD_HEADER", "UNKNOWN_FINGERPRINT", "INVALID")) {
                assertThat(
                                counter(
                                        job.getJobID(),
                                        ".deadLettersByReason.reason." + reason + ".count"))
                        .as(reason)
                        .isEqualTo(1);
            }
            List<ConsumerRecord<String, byte[]>> letters =
                    KAFKA.consume("dead-letter-means", 4, Duration.ofSeconds(60));
            assertThat(letters)
                    .extracting(r -> header(r, DeadLetterSerializer.REASON))
                    .containsExactlyInAnyOrder(
                            "TRUNCATED", "BAD_HEADER", "UNKNOWN_FINGERPRINT", "INVALID");
            assertThat(letters)
                    .allSatisfy(
                            r -> {
                                assertThat(header(r, DeadLetterSerializer.SOURCE))
                                        .startsWith("aq-means/");
                                assertThat(r.key()).startsWith("porto-aq-");
                            });
            assertThat(letters)
                    .filteredOn(r -> header(r, DeadLetterSerializer.REASON).equals("INVALID"))
                    .singleElement()
                    .satisfies(
                            r ->
                                    assertThat(header(r, DeadLetterSerializer.DETAIL))
                                            .contains("no2"));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void replayingTheTopicOverwritesThePointsInsteadOfDuplicatingThem() throws Exception {
        KAFKA.createTopic("aq-replay", 4);
        KAFKA.createTopic("dead-letter-replay", 1);
        Path expected = tmp.resolve("expected.csv");
        produce("aq-replay", expected, 0, "PT5M");
        Map<String, double[]> want = readExpected(expected);
        String hour = "time >= '2024-05-01T09:00:00Z' AND time < '2024-05-01T10:00:00Z'";

        JobClient first = startJob("aq-replay", "first-run", "dead-letter-replay");
        long zonePoints;
        long written;
        try {
            await("first run")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count("air_quality_1m", hour) == want.size());
            // One zone point per zone, pollutant and minute of the sensors' points.
            zonePoints =
                    INFLUX
                            .query(
                                    "SELECT mean FROM air_quality_1m WHERE "
                                            + hour
                                            + " GROUP BY zone, pollutant")
                            .stream()
                            .map(
                                    r ->
                                            r.get("zone")
                                                    + ","
                                                    + r.get("pollutant")
                                                    + ","
                                                    + r.get("time"))
                            .distinct()
                            .count();
            long expectedPoints = want.size() + zonePoints;
            await("first run, zones")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> pointsWritten(first.getJobID()) >= expectedPoints);
            written = pointsWritten(first.getJobID());
        } finally {
            first.cancel().get();
        }
        JobClient replay = startJob("aq-replay", "replay-run", "dead-letter-replay");
        try {
            // The replay reads the whole topic again (a new consumer group) and writes every point
            // again.
            await("replay")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> pointsWritten(replay.getJobID()) >= written);
        } finally {
            replay.cancel().get();
        }

        assertThat(count("air_quality_1m", hour)).isEqualTo(want.size());
        assertThat(count("air_quality_zone_1m", hour)).isEqualTo(zonePoints);
    }

    @Test
    void aLateEventWithinTheLatenessRewritesItsWindowAndALaterOneGoesToTheLateTopic()
            throws Exception {
        KAFKA.createTopic("aq-late", 4);
        KAFKA.createTopic("dead-letter-late", 1);
        KAFKA.createTopic("late-events-late", 1);
        Path expected = tmp.resolve("expected.csv");
        produce("aq-late", expected, 0, "PT5M");
        Map<String, double[]> want = readExpected(expected);
        String hour = "time >= '2024-05-01T10:00:00Z' AND time < '2024-05-01T11:00:00Z'";
        String firstMinute =
                "porto-aq-000,no2," + Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();

        JobClient job = startJob("aq-late", "group-late", "dead-letter-late");
        try {
            await("means")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count("air_quality_1m", hour) == want.size());
            String zone = zonesOfSensors().get("porto-aq-000");
            // The watermark is now about 10:07:30: minute 10:00 closed 6.5 minutes ago, within the
            // 10 minutes.
            send("aq-late", reading("porto-aq-000", zone, "2024-05-01T10:00:30Z", 1000.0));
            send("aq-late", reading("porto-aq-000", zone, "2024-05-01T09:40:00Z", 5.0));

            double[] before = want.get(firstMinute);
            double mean = (before[0] * before[1] + 1000.0) / (before[0] + 1);
            await("window rewritten")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                double[] stored = storedMeans(hour).get(firstMinute);
                                assertThat(stored[0]).isEqualTo(before[0] + 1);
                                assertThat(stored[1]).isCloseTo(mean, Offset.offset(1e-9));
                            });
            assertThat(count("air_quality_1m", hour))
                    .as("the same point, rewritten")
                    .isEqualTo(want.size());
            List<ConsumerRecord<String, byte[]>> late =
                    KAFKA.consume("late-events-late", 1, Duration.ofSeconds(60));
            assertThat(late)
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.key()).isEqualTo("porto-aq-000");
                                assertThat(r.timestamp())
                                        .isEqualTo(
                                                Instant.parse("2024-05-01T09:40:00Z")
                                                        .toEpochMilli());
                                assertThat(header(r, LateEventSerializer.REASON))
                                        .isEqualTo(LateEventSerializer.LATER_THAN_ALLOWED);
                                AirQualityObserved event =
                                        ((DecodeResult.Success<AirQualityObserved>)
                                                        Codecs.forType(AirQualityObserved.class)
                                                                .decode(r.value()))
                                                .value();
                                assertThat(event.getNo2()).isEqualTo(5.0);
                            });
            assertThat(counter(job.getJobID(), ".lateEvents")).isEqualTo(1);
        } finally {
            job.cancel().get();
        }
    }

    private static void produce(String topic, Path expected, int corrupt, String closingGap) {
        int exit =
                new CommandLine(new ProduceAirQuality())
                        .execute(
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--topic",
                                topic,
                                "--sensors",
                                "6",
                                "--minutes",
                                "3",
                                "--per-minute",
                                "6",
                                "--start",
                                topicStart(topic).toString(),
                                "--corrupt",
                                String.valueOf(corrupt),
                                "--closing-gap",
                                closingGap,
                                "--zones",
                                "2",
                                "--expected",
                                expected.toString());
        assertThat(exit).isZero();
    }

    /**
     * Each test writes its own hour, so the tests share one influxd without seeing each other's
     * points.
     */
    private static Instant topicStart(String topic) {
        return switch (topic) {
            case "aq-replay" -> Instant.parse("2024-05-01T09:00:00Z");
            case "aq-late" -> Instant.parse("2024-05-01T10:00:00Z");
            default -> Instant.parse("2024-05-01T08:00:00Z");
        };
    }

    private static AirQualityObserved reading(String sensor, String zone, String time, double no2) {
        return AirQualityObserved.newBuilder()
                .setId(sensor)
                .setZone(zone)
                .setDateObserved(Instant.parse(time))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setNo2(no2)
                .build();
    }

    private static void send(String topic, AirQualityObserved reading) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    reading.getId(),
                                    Codecs.forType(AirQualityObserved.class).encode(reading)))
                    .get();
        }
    }

    private static long count(String measurement, String where) {
        List<Map<String, Object>> rows =
                INFLUX.query("SELECT count(\"mean\") FROM " + measurement + " WHERE " + where);
        return rows.isEmpty() ? 0 : number(rows.get(0), "count").longValue();
    }

    /** sensor → zone tag, as the job wrote them. */
    private static Map<String, String> zonesOfSensors() {
        Map<String, String> zones = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query("SELECT mean, zone FROM air_quality_1m GROUP BY sensor")) {
            zones.put((String) row.get("sensor"), (String) row.get("zone"));
        }
        return zones;
    }

    /** Count-weighted merge of per-minute expectations {count, mean} under a new key. */
    private static Map<String, double[]> aggregate(
            Map<String, double[]> perMinute, Function<String, String> newKey) {
        Map<String, double[]> sums = new HashMap<>();
        perMinute.forEach(
                (key, cm) -> {
                    double[] acc = sums.computeIfAbsent(newKey.apply(key), k -> new double[2]);
                    acc[0] += cm[0];
                    acc[1] += cm[0] * cm[1];
                });
        sums.values().forEach(acc -> acc[1] /= acc[0]);
        return sums;
    }

    /**
     * "scope,pollutant,time" → {count, mean} of a measurement; time as a fixed label when given.
     */
    private static Map<String, double[]> means(
            String measurement, String scopeTag, String timeLabel) {
        Map<String, double[]> stored = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        "SELECT \"count\", \"mean\" FROM "
                                + measurement
                                + " WHERE time >= '2024-05-01T08:00:00Z' AND time <"
                                + " '2024-05-01T09:00:00Z' GROUP BY "
                                + scopeTag
                                + ", pollutant")) {
            String time =
                    timeLabel != null
                            ? timeLabel
                            : String.valueOf(
                                    Instant.parse((String) row.get("time")).toEpochMilli());
            stored.put(
                    row.get(scopeTag) + "," + row.get("pollutant") + "," + time,
                    new double[] {
                        number(row, "count").doubleValue(), number(row, "mean").doubleValue()
                    });
        }
        return stored;
    }

    private static void assertCloseTo(Map<String, double[]> stored, Map<String, double[]> want) {
        assertThat(stored).containsOnlyKeys(want.keySet());
        want.forEach(
                (key, w) -> {
                    assertThat(stored.get(key)[0]).as("count of %s", key).isEqualTo(w[0]);
                    assertThat(stored.get(key)[1])
                            .as("mean of %s", key)
                            .isCloseTo(w[1], Offset.offset(1e-9));
                });
    }

    private static JobClient startJob(String topic, String group, String deadLetterTopic)
            throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(InfluxDbSinkOptions.URL, INFLUX.url());
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(KafkaOptions.GROUP_ID, group);
        config.set(TopicOptions.DEAD_LETTER, deadLetterTopic);
        config.set(TopicOptions.LATE_EVENTS, deadLetterTopic.replace("dead-letter", "late-events"));
        config.set(TopicOptions.of(EventKind.AIR_QUALITY), topic);
        config.set(AirQualityOptions.PM_MIN_HOURS, 1);
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(1000);
        new AirQualityJob(
                        Inputs.kafka(config, group, AirQualityJob.READS),
                        AirQualityJob.Outputs.of(config),
                        config)
                .build(env);
        return env.executeAsync("air-quality-it-" + group);
    }

    private static Map<String, double[]> readExpected(Path csv) throws Exception {
        Map<String, double[]> want = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            want.put(
                    f[0] + "," + f[1] + "," + f[2],
                    new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        assertThat(want).isNotEmpty();
        return want;
    }

    private static Map<String, double[]> storedMeans() {
        return storedMeans("time >= '2024-05-01T08:00:00Z' AND time < '2024-05-01T09:00:00Z'");
    }

    private static Map<String, double[]> storedMeans(String where) {
        Map<String, double[]> stored = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        "SELECT \"count\", \"mean\" FROM air_quality_1m "
                                + "WHERE "
                                + where
                                + " GROUP BY sensor, pollutant")) {
            long time = Instant.parse((String) row.get("time")).toEpochMilli();
            stored.put(
                    row.get("sensor") + "," + row.get("pollutant") + "," + time,
                    new double[] {
                        number(row, "count").doubleValue(), number(row, "mean").doubleValue()
                    });
        }
        return stored;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long counter(JobID job, String path) {
        return JobCounters.sum(METRICS, job, path);
    }

    private static long pointsWritten(JobID job) {
        return counter(job, ".numRecordsSend");
    }
}
