package io.invicta.jobs.weather;

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
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.WeatherObserved;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * Weather per station and per zone: Kafka → decode and validate (failures → dead-letter topic) →
 * event time → lateness gate (too late → late-events topic) → count, mean, min and max of each
 * scalar variable (and the precipitation total) and the vector mean of wind direction in short and
 * long windows → InfluxDB (weather_1m/_1h, weather_zone_1m/_1h).
 */
public final class WeatherJob extends CityJob {

    public static final String NAME = "invicta-weather";

    /** The event kinds the job reads. */
    public static final List<EventKind<?>> READS = List.of(EventKind.WEATHER);

    /** Every option the job accepts. */
    public static final JobOptions OPTIONS = SharedOptions.METRICS_JOBS.and(TopicOptions.of(READS));

    /** Where the job's results and rejects go; tests plug in their own. */
    public record Outputs(Sink<WeatherStats> stats, Rejects rejects) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(InfluxSinks.sink(config, new WeatherPoints()), Rejects.of(config));
        }
    }

    private final Outputs outputs;

    public WeatherJob(Inputs inputs, Outputs outputs, ReadableConfig config) {
        super(NAME, inputs, config);
        this.outputs = outputs;
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        DecodedInput<WeatherObserved> input =
                DecodedInput.of(
                        env, config, inputs.of(EventKind.WEATHER), EventKind.WEATHER, "weather");
        input.attachTo(outputs.rejects(), config);

        EnvironmentWindows.of(
                        input.events(),
                        new WeatherMeasurer(),
                        ZoneResolver.of(config),
                        WindowFamily.shortLongAndLocalDays(
                                config.get(MetricsOptions.SHORT_WINDOW),
                                config.get(MetricsOptions.LONG_WINDOW),
                                MetricsOptions.cityZone(config)),
                        config.get(EventTimeOptions.ALLOWED_LATENESS),
                        EnvironmentWindows.Uids.prefixed("weather"))
                .means()
                .flatMap(new WeatherMeasurer())
                .name("weather-stats")
                .sinkTo(outputs.stats())
                .name("influxdb-weather")
                .uid("influxdb-weather");
    }

    /** The production job: Kafka inputs, InfluxDB and Kafka outputs. */
    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config ->
                            new WeatherJob(
                                    Inputs.kafka(config, NAME, READS), Outputs.of(config), config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
