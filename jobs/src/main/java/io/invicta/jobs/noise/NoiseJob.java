package io.invicta.jobs.noise;

import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedInput;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.common.LateEvent;
import io.invicta.jobs.common.MetricsOptions;
import io.invicta.jobs.common.ZoneResolver;
import io.invicta.schemas.NoiseLevelObserved;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;

/**
 * Noise per sensor and per zone: Kafka → decode and validate (failures → dead-letter topic) → event time →
 * lateness gate (too late → late-events topic) → energetic LAeq and LAmax in short and long windows, and the
 * daily Lden per sensor in the city's local time → InfluxDB (noise_1m/_1h, noise_zone_1m/_1h,
 * noise_lden_1d; docs/METRICS.md). Decibels are averaged as energies, never as numbers.
 */
public final class NoiseJob {

    public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic.noise")
            .stringType().defaultValue("noise")
            .withDescription("Kafka topic of NoiseLevelObserved records (Avro single-object encoding).");

    public static final String NAME = "invicta-noise";

    private final Source<Decoded<NoiseLevelObserved>, ?, ?> source;
    private final Sink<NoiseLevel> levelSink;
    private final Sink<NoiseDay> ldenSink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<LateEvent> lateEventSink;
    private final ReadableConfig config;

    public NoiseJob(Source<Decoded<NoiseLevelObserved>, ?, ?> source, Sink<NoiseLevel> levelSink,
                    Sink<NoiseDay> ldenSink, Sink<DeadLetter> deadLetterSink, Sink<LateEvent> lateEventSink,
                    ReadableConfig config) {
        this.source = source;
        this.levelSink = levelSink;
        this.ldenSink = ldenSink;
        this.deadLetterSink = deadLetterSink;
        this.lateEventSink = lateEventSink;
        this.config = config;
    }

    public static NoiseValidator validator(ReadableConfig config) {
        return new NoiseValidator(config.get(MetricsOptions.MAX_FUTURE));
    }

    public void build(StreamExecutionEnvironment env) {
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        DecodedInput<NoiseLevelObserved> input = DecodedInput.of(env, config, source, NoiseLevelObserved.class,
                NoiseLevelObserved::getDateObserved, NoiseLevelObserved::getId, "noise");
        input.deadLetters().sinkTo(deadLetterSink).name("dead-letters").uid("dead-letters");
        input.late().sinkTo(lateEventSink).name("late-events").uid("late-events");

        DataStream<NoiseReading> readings = input.events()
                .flatMap(new ToNoiseReadings(ZoneResolver.of(config)))
                .name("noise-readings").uid("noise-readings");

        MetricsOptions.sensorsAndZones(config, (perSensor, window) -> levels(readings, perSensor, window, lateness))
                .sinkTo(levelSink).name("influxdb-noise").uid("influxdb-noise");

        readings.keyBy(r -> r.sensorId, Types.STRING)
                .process(new LdenCalculator(MetricsOptions.cityZone(config), lateness))
                .name("lden").uid("lden")
                .sinkTo(ldenSink).name("influxdb-noise-lden").uid("influxdb-noise-lden");
    }

    private static DataStream<NoiseLevel> levels(DataStream<NoiseReading> readings, boolean perSensor,
                                                 Duration window, Duration lateness) {
        String resolution = MetricsOptions.resolution(window);
        String scope = perSensor ? "sensor" : "zone";
        return readings
                .keyBy(perSensor ? r -> r.sensorId : r -> r.zone, Types.STRING)
                .window(TumblingEventTimeWindows.of(window))
                .allowedLateness(lateness)
                .aggregate(new NoiseWindowFunctions.Energy(), new NoiseWindowFunctions.Emit(perSensor, resolution))
                .name("noise-" + scope + "-" + resolution)
                .uid("noise-" + scope + "-" + resolution);
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new NoiseJob(
                KafkaOptions.source(config, config.get(TOPIC), NoiseLevelObserved.class, validator(config), NAME),
                InfluxOptions.sink(config, new NoisePoints.Levels()),
                InfluxOptions.sink(config, new NoisePoints.Lden()),
                KafkaOptions.deadLetterSink(config),
                KafkaOptions.lateEventSink(config),
                config)
                .build(env);
        env.execute(NAME);
    }
}
