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
import io.invicta.jobs.windows.EnvironmentWindows;
import io.invicta.jobs.windows.SensorPreAggregate;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.schemas.NoiseLevelObserved;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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
        // As in the air-quality job: no operator keeps or changes a record it passed on, so chained operators
        // need not deep-copy each Avro record.
        env.getConfig().enableObjectReuse();
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        DecodedInput<NoiseLevelObserved> input = DecodedInput.of(env, config, source, NoiseLevelObserved.class,
                NoiseLevelObserved::getDateObserved, NoiseLevelObserved::getId, "noise");
        input.deadLetters().sinkTo(deadLetterSink).name("dead-letters").uid("dead-letters");
        input.late().sinkTo(lateEventSink).name("late-events").uid("late-events");

        EnvironmentWindows.of(input.events(), new NoiseMeasurer(), ZoneResolver.of(config),
                        WindowFamily.shortAndLong(config.get(MetricsOptions.SHORT_WINDOW),
                                config.get(MetricsOptions.LONG_WINDOW)),
                        lateness, EnvironmentWindows.Uids.prefixed("noise"))
                .means()
                .map(NoiseMeasurer::level).name("noise-levels")
                .sinkTo(levelSink).name("influxdb-noise").uid("influxdb-noise");

        // Lden goes by the middle of each observation's interval (it decides the day, evening or night period), so
        // it has slices of its own: by middle time, 15 minutes long (each within one period).
        input.events()
                .transform("lden-slices", TypeInformation.of(WindowStats.class), new SensorPreAggregate<>(
                        LdenCalculator.SLICE, ZoneResolver.of(config), NoiseMeasurer.atMiddle()))
                .uid("lden-slices")
                .keyBy(w -> w.sensorId, Types.STRING)
                .process(new LdenCalculator(MetricsOptions.cityZone(config), lateness))
                .name("lden").uid("lden")
                .sinkTo(ldenSink).name("influxdb-noise-lden").uid("influxdb-noise-lden");
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
