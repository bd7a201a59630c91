package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;
import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.Codecs;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;
import io.invicta.tools.replay.ReplayCommand;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped Madrid data (2023-01-14 and 15) replayed through Kafka into the job: the hourly means
 * of the 15th must equal the source's hourly values, and the EEA index of every station-hour must
 * equal one computed here from the source file alone (hourly NO2/O3/SO2, PM 24-hour running means).
 */
class MadridReferenceIT {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Map<String, String> POLLUTANT_BY_CODE =
            Map.of(
                    "1", "so2", "6", "co", "7", "no", "8", "no2", "9", "pm25", "10", "pm10", "12",
                    "nox", "14", "o3");
    private static final long HOUR = 3_600_000L;
    private static final long DAY15 =
            Instant.parse("2023-01-14T23:00:00Z").toEpochMilli(); // 00:00 CET

    @RegisterExtension static final StackExtension STACK = StackExtension.withSlots(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    @Test
    void hourlyMeansEqualTheSourceValuesAndTheIndexMatchesOneComputedFromTheFile()
            throws Exception {
        Path file = repo("data/madrid-air-quality-2023/hourly/ene_mo23.csv");
        Map<String, Double> source = hourlyValues(file); // station|pollutant|hourStart → value
        KAFKA.createTopic("aq-madrid", 4);
        int exit =
                new CommandLine(new ReplayCommand())
                        .execute(
                                repo("data/mappings/madrid-air-quality.yaml").toString(),
                                file.toString(),
                                "--from",
                                "2023-01-14T00:00:00+01:00",
                                "--until",
                                "2023-01-16T00:00:00+01:00",
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--topic",
                                "aq-madrid",
                                "--progress",
                                "lines");
        assertThat(exit).isZero();
        // One reading two days later moves the watermark past the 15th (the other partitions go
        // idle).
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            AirQualityObserved closing =
                    AirQualityObserved.newBuilder()
                            .setId("closing")
                            .setZone("none")
                            .setDateObserved(Instant.parse("2023-01-17T12:00:00Z"))
                            .setLocation(new GeoPoint(40.4, -3.7))
                            .setNo2(1.0)
                            .build();
            producer.send(
                            new ProducerRecord<>(
                                    "aq-madrid",
                                    "closing",
                                    Codecs.forType(AirQualityObserved.class).encode(closing)))
                    .get();
        }

        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.STARTING_OFFSETS, KafkaOptions.StartingOffsets.EARLIEST);
        config.set(InfluxDbSinkOptions.URL, INFLUX.url());
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        config.set(MetricsOptions.CITY_TIME_ZONE, "Europe/Madrid");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        config.set(TopicOptions.of(EventKind.AIR_QUALITY), "aq-madrid");
        new AirQualityJob(
                        Inputs.kafka(config, "madrid-reference", AirQualityJob.READS),
                        AirQualityJob.Outputs.of(config),
                        config)
                .build(env);
        JobClient job = env.executeAsync("madrid-reference");
        try {
            Map<String, Double> want15 = new HashMap<>();
            source.forEach(
                    (key, value) -> {
                        long hour = Long.parseLong(key.split("\\|")[2]);
                        if (hour >= DAY15 && hour < DAY15 + 24 * HOUR) {
                            want15.put(key, value);
                        }
                    });
            String day15 = "time >= '2023-01-14T23:00:00Z' AND time < '2023-01-15T23:00:00Z'";
            await("hourly means of the 15th")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(hourlyMeans(day15)).isEqualTo(want15));

            Map<String, Integer> wantLevels = referenceIndex(source);
            await("index of the 15th")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(indexLevels(day15)).isEqualTo(wantLevels));
            assertThat(wantLevels).as("station-hours compared").hasSizeGreaterThan(400);
            assertThat(wantLevels.values().stream().distinct().count())
                    .as("bands seen that day")
                    .isGreaterThan(1);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The valid hourly values of the file, read without the mapping: station|pollutant|hour start →
     * value.
     */
    private static Map<String, Double> hourlyValues(Path file) throws Exception {
        Map<String, Double> values = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(";");
            String pollutant = POLLUTANT_BY_CODE.get(String.valueOf(Integer.parseInt(c[3])));
            int day = Integer.parseInt(c[7]);
            if (pollutant == null || day < 14 || day > 15) {
                continue;
            }
            String station = c[0] + c[1] + String.format("%03d", Integer.parseInt(c[2]));
            for (int h = 1; h <= 24; h++) {
                if (c[9 + 2 * (h - 1)].equals("V")) {
                    long start =
                            LocalDateTime.of(2023, 1, day, h - 1, 0)
                                    .atZone(MADRID)
                                    .toInstant()
                                    .toEpochMilli();
                    values.put(
                            station + "|" + pollutant + "|" + start,
                            Double.parseDouble(c[8 + 2 * (h - 1)]));
                }
            }
        }
        return values;
    }

    /** Band level per station|hour start of the 15th, from the source values alone. */
    private static Map<String, Integer> referenceIndex(Map<String, Double> source) {
        Map<String, Integer> levels = new HashMap<>();
        List<String> stations =
                source.keySet().stream().map(k -> k.split("\\|")[0]).distinct().toList();
        for (String station : stations) {
            for (long hour = DAY15; hour < DAY15 + 24 * HOUR; hour += HOUR) {
                Map<Eaqi.Pollutant, Double> c = new EnumMap<>(Eaqi.Pollutant.class);
                for (String p : List.of("no2", "o3", "so2")) {
                    Double v = source.get(station + "|" + p + "|" + hour);
                    if (v != null) {
                        c.put(Eaqi.Pollutant.valueOf(p.toUpperCase()), v);
                    }
                }
                for (String p : List.of("pm10", "pm25")) {
                    List<Double> day = new ArrayList<>();
                    for (long h = hour - 23 * HOUR; h <= hour; h += HOUR) {
                        Double v = source.get(station + "|" + p + "|" + h);
                        if (v != null) {
                            day.add(v);
                        }
                    }
                    if (day.size() >= 18) { // the EEA's 75 % coverage, the job's default
                        c.put(
                                Eaqi.Pollutant.valueOf(p.toUpperCase()),
                                day.stream().mapToDouble(d -> d).average().orElseThrow());
                    }
                }
                if (!c.isEmpty()) {
                    levels.put(station + "|" + hour, Eaqi.overall(c).band().level());
                }
            }
        }
        return levels;
    }

    private static Map<String, Double> hourlyMeans(String where) {
        Map<String, Double> means = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        "SELECT \"count\", mean FROM air_quality_1h WHERE "
                                + where
                                + " AND sensor =~ /^28079/ GROUP BY sensor, pollutant")) {
            assertThat(number(row, "count").intValue()).isEqualTo(1);
            means.put(
                    row.get("sensor")
                            + "|"
                            + row.get("pollutant")
                            + "|"
                            + Instant.parse((String) row.get("time")).toEpochMilli(),
                    number(row, "mean").doubleValue());
        }
        return means;
    }

    private static Map<String, Integer> indexLevels(String where) {
        Map<String, Integer> levels = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        "SELECT level FROM air_quality_index_1h WHERE "
                                + where
                                + " AND sensor =~ /^28079/ GROUP BY sensor")) {
            levels.put(
                    row.get("sensor")
                            + "|"
                            + Instant.parse((String) row.get("time")).toEpochMilli(),
                    number(row, "level").intValue());
        }
        return levels;
    }

    private static Path repo(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/mappings"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("No data/mappings above " + Path.of("").toAbsolutePath());
    }
}
