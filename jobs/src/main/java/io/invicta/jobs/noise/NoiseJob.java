package io.invicta.jobs.noise;

import io.invicta.jobs.CityJob;
import io.invicta.jobs.DecodedInput;
import io.invicta.jobs.SharedOptions;
import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.InfluxSinks;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.windows.EnvironmentWindows;
import io.invicta.jobs.windows.SensorPreAggregate;
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.NoiseLevelObserved;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.List;

/**
 * Noise per sensor and per zone: Kafka → decode and validate (failures → dead-letter topic) → event
 * time → lateness gate (too late → late-events topic) → energetic LAeq and LAmax in short and long
 * windows, and the daily Lden per sensor in the city's local time → InfluxDB (noise_1m/_1h,
 * noise_zone_1m/_1h, noise_lden_1d; docs/METRICS.md). Decibels are averaged as energies, never as
 * numbers.
 */
public final class NoiseJob extends CityJob {

    public static final String NAME = "invicta-noise";

    /** The event kinds the job reads. */
    public static final List<EventKind<?>> READS = List.of(EventKind.NOISE);

    /** Every option the job accepts. */
    public static final JobOptions OPTIONS = SharedOptions.METRICS_JOBS.and(TopicOptions.of(READS));

    /** Where the job's results and rejects go; tests plug in their own. */
    public record Outputs(Sink<NoiseLevel> levels, Sink<NoiseDay> lden, Rejects rejects) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(
                    InfluxSinks.sink(config, new NoisePoints.Levels()),
                    InfluxSinks.sink(config, new NoisePoints.Lden()),
                    Rejects.of(config));
        }
    }

    private final Outputs outputs;

    public NoiseJob(Inputs inputs, Outputs outputs, ReadableConfig config) {
        super(NAME, inputs, config);
        this.outputs = outputs;
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        DecodedInput<NoiseLevelObserved> input =
                DecodedInput.of(env, config, inputs.of(EventKind.NOISE), EventKind.NOISE, "noise");
        input.attachTo(outputs.rejects(), config);

        EnvironmentWindows.of(
                        input.events(),
                        new NoiseMeasurer(),
                        ZoneResolver.of(config),
                        WindowFamily.shortLongAndLocalDays(
                                config.get(MetricsOptions.SHORT_WINDOW),
                                config.get(MetricsOptions.LONG_WINDOW),
                                MetricsOptions.cityZone(config)),
                        lateness,
                        EnvironmentWindows.Uids.prefixed("noise"))
                .means()
                .map(NoiseMeasurer::level)
                .name("noise-levels")
                .sinkTo(outputs.levels())
                .name("influxdb-noise")
                .uid("influxdb-noise");

        // Lden goes by the middle of each observation's interval (it decides the day, evening or
        // night period), so
        // it has slices of its own: by middle time, 15 minutes long (each within one period).
        input.events()
                .transform(
                        "lden-slices",
                        TypeInformation.of(WindowStats.class),
                        new SensorPreAggregate<>(
                                LdenCalculator.SLICE,
                                ZoneResolver.of(config),
                                NoiseMeasurer.atMiddle()))
                .uid("lden-slices")
                .keyBy(w -> w.sensorId, Types.STRING)
                .process(new LdenCalculator(MetricsOptions.cityZone(config), lateness))
                .name("lden")
                .uid("lden" + EnvironmentWindows.STATE_FORMAT)
                .sinkTo(outputs.lden())
                .name("influxdb-noise-lden")
                .uid("influxdb-noise-lden");
    }

    /** The production job: Kafka inputs, InfluxDB and Kafka outputs. */
    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config ->
                            new NoiseJob(
                                    Inputs.kafka(config, NAME, READS), Outputs.of(config), config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
