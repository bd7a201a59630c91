package io.invicta.jobs.airquality;

import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedEventTimes;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.common.RouteDecoded;
import io.invicta.schemas.AirQualityObserved;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;

/**
 * Air quality per sensor and pollutant: Kafka → decode and validate (failures → dead-letter topic) →
 * event-time watermarks → tumbling-window count, mean, min and max → InfluxDB
 * ({@value PollutantMeanPoints#MEASUREMENT}).
 *
 * <p>The topology takes its source and sink as arguments so tests can plug in others; {@link #main} wires Kafka
 * and InfluxDB from {@code --key value} arguments named like the options.
 */
public final class AirQualityJob {

    public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic.air-quality")
            .stringType().defaultValue("air-quality")
            .withDescription("Kafka topic of AirQualityObserved records (Avro single-object encoding).");

    public static final ConfigOption<Duration> WINDOW = ConfigOptions.key("air-quality.window")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Length of the tumbling event-time window of the means.");

    public static final ConfigOption<Duration> MAX_FUTURE = ConfigOptions.key("validation.max-future")
            .durationType().defaultValue(Duration.ofHours(1))
            .withDescription("Observations dated further than this ahead of the wall clock are dead-lettered.");

    public static final String NAME = "invicta-air-quality";

    private final Source<Decoded<AirQualityObserved>, ?, ?> source;
    private final Sink<PollutantMean> sink;
    private final Sink<DeadLetter> deadLetterSink;
    private final ReadableConfig config;

    public AirQualityJob(Source<Decoded<AirQualityObserved>, ?, ?> source, Sink<PollutantMean> sink,
                         Sink<DeadLetter> deadLetterSink, ReadableConfig config) {
        this.source = source;
        this.sink = sink;
        this.deadLetterSink = deadLetterSink;
        this.config = config;
    }

    /** The source's validation of this job's input. */
    public static AirQualityValidator validator(ReadableConfig config) {
        return new AirQualityValidator(config.get(MAX_FUTURE));
    }

    /** Adds the topology to {@code env} and returns the means stream (before the sink) for callers that want it. */
    public DataStream<PollutantMean> build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<AirQualityObserved> observations = env
                .fromSource(source, DecodedEventTimes.watermarks(AirQualityObserved::getDateObserved,
                        config.get(EventTimeOptions.MAX_OUT_OF_ORDERNESS), config.get(EventTimeOptions.IDLENESS)),
                        "air-quality-source")
                .uid("air-quality-source")
                .process(new RouteDecoded<AirQualityObserved>())
                .returns(AirQualityObserved.class)
                .name("decode-air-quality")
                .uid("decode-air-quality");
        observations.getSideOutput(RouteDecoded.DEAD_LETTERS)
                .sinkTo(deadLetterSink).name("dead-letters").uid("dead-letters");

        DataStream<PollutantMean> means = observations
                .flatMap(new ToPollutantReadings())
                .name("split-pollutants")
                .uid("split-pollutants")
                .keyBy(new SensorPollutantKey(), Types.TUPLE(Types.STRING, Types.STRING))
                .window(TumblingEventTimeWindows.of(config.get(WINDOW)))
                .aggregate(new MeanAggregate(), new EmitPollutantMean())
                .name("pollutant-window-means")
                .uid("pollutant-window-means");

        means.sinkTo(sink).name("influxdb-air-quality").uid("influxdb-air-quality");
        return means;
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new AirQualityJob(
                KafkaOptions.source(config, config.get(TOPIC), AirQualityObserved.class, validator(config), NAME),
                InfluxOptions.sink(config, new PollutantMeanPoints()),
                KafkaOptions.deadLetterSink(config),
                config)
                .build(env);
        env.execute(NAME);
    }

    /** Key: sensor id and pollutant field name (an enum's hash code differs between JVMs, so not the enum). */
    static final class SensorPollutantKey implements KeySelector<PollutantReading, Tuple2<String, String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<String, String> getKey(PollutantReading reading) {
            return Tuple2.of(reading.sensorId, reading.pollutant.field());
        }
    }
}
