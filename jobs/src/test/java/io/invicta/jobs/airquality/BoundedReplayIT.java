package io.invicta.jobs.airquality;

import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.EventKind;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;
import io.invicta.tools.replay.ReplayCommand;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.invicta.testkit.InfluxDbExtension.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A file replayed into Kafka, then processed by a job bounded at the offsets the topic holds
 * ({@code kafka.bounded}): the job finishes by itself and every window is written, the last one
 * included, with no later event to close it.
 */
class BoundedReplayIT {

    @RegisterExtension static final StackExtension STACK = StackExtension.withSlots(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int HOURS = 3;
    private static final String[] STATIONS = {"st-a", "st-b"};

    @TempDir Path dir;

    /** One reading a minute per station for three hours; NO2 = 10 × hour + station index. */
    private Path csv() throws Exception {
        StringBuilder rows = new StringBuilder("station,time,no2,lat,lon\n");
        for (int minute = 0; minute < HOURS * 60; minute++) {
            for (int s = 0; s < STATIONS.length; s++) {
                rows.append(STATIONS[s])
                        .append(',')
                        .append(START.plus(Duration.ofMinutes(minute)))
                        .append(',')
                        .append(10 * (minute / 60) + s)
                        .append(",41.15,-8.61\n");
            }
        }
        return Files.writeString(dir.resolve("readings.csv"), rows);
    }

    private Path mapping(String topic) throws Exception {
        return Files.writeString(
                dir.resolve("mapping.yaml"),
                String.join(
                        "\n",
                        "description: test stations, NO2 every minute",
                        "input: {format: csv, header: true}",
                        "target: {type: AirQualityObserved, topic: " + topic + "}",
                        "time: {template: \"${time}\", format: iso-instant}",
                        "fields:",
                        "  id: \"${station}\"",
                        "  location.lat: {column: lat}",
                        "  location.lon: {column: lon}",
                        "  no2: {column: no2}",
                        ""));
    }

    @Test
    void aBoundedJobOverAReplayedFileFinishesAndWritesEveryWindowTheLastOneIncluded()
            throws Exception {
        String topic = "aq-bounded";
        KAFKA.createTopic(topic, 2);
        int exit =
                new CommandLine(new ReplayCommand())
                        .execute(
                                mapping(topic).toString(),
                                csv().toString(),
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers());
        assertThat(exit).as("replay exit code").isZero();

        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.BOUNDED, true);
        config.set(KafkaOptions.STARTING_OFFSETS, KafkaOptions.StartingOffsets.EARLIEST);
        config.set(TopicOptions.of(EventKind.AIR_QUALITY), topic);
        config.set(TopicOptions.DEAD_LETTER, topic + "-dead-letter");
        config.set(TopicOptions.LATE_EVENTS, topic + "-late");
        config.set(InfluxDbSinkOptions.URL, INFLUX.url());
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        new AirQualityJob(
                        Inputs.kafka(config, "bounded-replay", AirQualityJob.READS),
                        AirQualityJob.Outputs.of(config),
                        config)
                .build(env);
        JobClient job = env.executeAsync("bounded-replay");

        // The job ends by itself: without a bound it would read for ever and this would time out.
        job.getJobExecutionResult().get(3, TimeUnit.MINUTES);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

        Map<String, double[]> hourly = new TreeMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        "SELECT \"count\", \"mean\" FROM air_quality_1h WHERE pollutant = 'no2'"
                                + " GROUP BY sensor")) {
            hourly.put(
                    row.get("sensor") + " " + row.get("time"),
                    new double[] {
                        number(row, "count").doubleValue(), number(row, "mean").doubleValue()
                    });
        }
        assertThat(hourly).hasSize(HOURS * STATIONS.length);
        for (int h = 0; h < HOURS; h++) {
            for (int s = 0; s < STATIONS.length; s++) {
                String key = STATIONS[s] + " " + START.plus(Duration.ofHours(h));
                assertThat(hourly).as(key).containsKey(key);
                assertThat(hourly.get(key)).as(key).containsExactly(60.0, 10.0 * h + s);
            }
        }
        List<Map<String, Object>> lastMinute =
                INFLUX.query(
                        "SELECT \"count\" FROM air_quality_1m WHERE pollutant = 'no2' AND time = '"
                                + START.plus(Duration.ofMinutes(HOURS * 60 - 1))
                                + "' GROUP BY sensor");
        assertThat(lastMinute).as("the last minute of the file").hasSize(STATIONS.length);

        // the local day (Lisbon, UTC+0 in March), with three of its 24 hours covered
        assertThat(
                        INFLUX.query(
                                "SELECT * FROM air_quality_day WHERE pollutant = 'no2' AND time = '"
                                        + START
                                        + "' GROUP BY sensor"))
                .extracting(
                        r -> r.get("sensor"),
                        r -> number(r, "count").longValue(),
                        r -> number(r, "mean").doubleValue(),
                        r -> number(r, "hours").longValue(),
                        r -> number(r, "day_hours").longValue(),
                        r -> number(r, "coverage").doubleValue())
                .containsExactlyInAnyOrder(
                        tuple("st-a", 180L, 10.0, 3L, 24L, 0.125),
                        tuple("st-b", 180L, 11.0, 3L, 24L, 0.125));
    }
}
