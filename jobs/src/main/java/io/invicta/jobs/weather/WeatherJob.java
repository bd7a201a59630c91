package io.invicta.jobs.weather;

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
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.schemas.WeatherObserved;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * Weather per station and per zone: Kafka → decode and validate (failures → dead-letter topic) → event time →
 * lateness gate (too late → late-events topic) → count, mean, min and max of each scalar variable (and the
 * precipitation total) and the vector mean of wind direction in short and long windows → InfluxDB (weather_1m/_1h, weather_zone_1m/_1h).
 */
public final class WeatherJob {

    public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic.weather")
            .stringType().defaultValue("weather")
            .withDescription("Kafka topic of WeatherObserved records (Avro single-object encoding).");

    public static final String NAME = "invicta-weather";

    private final Source<Decoded<WeatherObserved>, ?, ?> source;
    private final Sink<WeatherStats> sink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<LateEvent> lateEventSink;
    private final ReadableConfig config;

    public WeatherJob(Source<Decoded<WeatherObserved>, ?, ?> source, Sink<WeatherStats> sink,
                      Sink<DeadLetter> deadLetterSink, Sink<LateEvent> lateEventSink, ReadableConfig config) {
        this.source = source;
        this.sink = sink;
        this.deadLetterSink = deadLetterSink;
        this.lateEventSink = lateEventSink;
        this.config = config;
    }

    public static WeatherValidator validator(ReadableConfig config) {
        return new WeatherValidator(config.get(MetricsOptions.MAX_FUTURE));
    }

    public void build(StreamExecutionEnvironment env) {
        // As in the air-quality job: no operator keeps or changes a record it passed on, so chained operators
        // need not deep-copy each Avro record.
        env.getConfig().enableObjectReuse();
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        DecodedInput<WeatherObserved> input = DecodedInput.of(env, config, source, WeatherObserved.class,
                WeatherObserved::getDateObserved, WeatherObserved::getId, "weather");
        input.deadLetters().sinkTo(deadLetterSink).name("dead-letters").uid("dead-letters");
        input.late().sinkTo(lateEventSink).name("late-events").uid("late-events");

        EnvironmentWindows.of(input.events(), new WeatherMeasurer(), ZoneResolver.of(config),
                        WindowFamily.shortAndLong(config.get(MetricsOptions.SHORT_WINDOW),
                                config.get(MetricsOptions.LONG_WINDOW)),
                        lateness, EnvironmentWindows.Uids.prefixed("weather"))
                .means()
                .flatMap(new WeatherMeasurer()).name("weather-stats")
                .sinkTo(sink).name("influxdb-weather").uid("influxdb-weather");
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new WeatherJob(
                KafkaOptions.source(config, config.get(TOPIC), WeatherObserved.class, validator(config), NAME),
                InfluxOptions.sink(config, new WeatherPoints()),
                KafkaOptions.deadLetterSink(config),
                KafkaOptions.lateEventSink(config),
                config)
                .build(env);
        env.execute(NAME);
    }
}
