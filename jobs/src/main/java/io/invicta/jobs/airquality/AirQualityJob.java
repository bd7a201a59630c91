package io.invicta.jobs.airquality;

import io.invicta.jobs.common.MeanAccumulator;
import io.invicta.jobs.common.MeanAggregate;

import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedInput;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.common.LateEvent;
import io.invicta.jobs.common.LocalDayWindows;
import io.invicta.domain.LimitValue;
import io.invicta.jobs.common.MetricsOptions;
import io.invicta.jobs.common.ZoneResolver;
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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Air quality per sensor and per zone, per pollutant: Kafka → decode and validate (failures → dead-letter topic)
 * → event-time watermarks → lateness gate (too late → late-events topic) → short (1 min) and long (1 h) tumbling
 * windows of count, mean, min and max, re-fired by late events within the allowed lateness → InfluxDB
 * (air_quality_1m/_1h per sensor, air_quality_zone_1m/_1h per zone), and the EEA air quality index per station
 * and hour (air_quality_index_1h; docs/METRICS.md).
 *
 * <p>The topology takes its source and sink as arguments so tests can plug in others; {@link #main} wires Kafka
 * and InfluxDB from {@code --key value} arguments named like the options.
 */
public final class AirQualityJob {

    public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic.air-quality")
            .stringType().defaultValue("air-quality")
            .withDescription("Kafka topic of AirQualityObserved records (Avro single-object encoding).");

    public static final String NAME = "invicta-air-quality";

    /** Where the job's results and rejects go; tests plug in their own. */
    public record Outputs(Sink<PollutantMean> means, Sink<AirQualityIndex> index, Sink<Exceedances> exceedances,
                          Sink<DeadLetter> deadLetters, Sink<LateEvent> lateEvents) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(InfluxOptions.sink(config, new PollutantMeanPoints()),
                    InfluxOptions.sink(config, new AirQualityIndexPoints()),
                    InfluxOptions.sink(config, new ExceedancePoints()),
                    KafkaOptions.deadLetterSink(config),
                    KafkaOptions.lateEventSink(config));
        }
    }

    private final Source<Decoded<AirQualityObserved>, ?, ?> source;
    private final Outputs outputs;
    private final ReadableConfig config;

    public AirQualityJob(Source<Decoded<AirQualityObserved>, ?, ?> source, Outputs outputs, ReadableConfig config) {
        this.source = source;
        this.outputs = outputs;
        this.config = config;
    }

    /** The source's validation of this job's input. */
    public static AirQualityValidator validator(ReadableConfig config) {
        return new AirQualityValidator(config.get(MetricsOptions.MAX_FUTURE));
    }

    /** Adds the topology to {@code env} and returns the means stream (before the sink) for callers that want it. */
    public DataStream<PollutantMean> build(StreamExecutionEnvironment env) {
        DecodedInput<AirQualityObserved> input = DecodedInput.of(env, config, source, AirQualityObserved.class,
                AirQualityObserved::getDateObserved, AirQualityObserved::getId, "air-quality");
        input.deadLetters().sinkTo(outputs.deadLetters()).name("dead-letters").uid("dead-letters");
        input.late().sinkTo(outputs.lateEvents()).name("late-events").uid("late-events");
        Duration shortWindow = config.get(MetricsOptions.SHORT_WINDOW);
        Duration longWindow = config.get(MetricsOptions.LONG_WINDOW);
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);

        DataStream<PollutantReading> readings = input.events()
                .flatMap(new ToPollutantReadings(ZoneResolver.of(config)))
                .name("split-pollutants")
                .uid("split-pollutants");

        DataStream<PollutantMean> sensorLong = windowMeans(readings, true, longWindow, lateness);
        DataStream<PollutantMean> means = windowMeans(readings, true, shortWindow, lateness)
                .union(sensorLong,
                        windowMeans(readings, false, shortWindow, lateness),
                        windowMeans(readings, false, longWindow, lateness));
        means.sinkTo(outputs.means()).name("influxdb-air-quality").uid("influxdb-air-quality");

        DataStream<PollutantMean> sensorHourly = longWindow.equals(HOUR) ? sensorLong
                : windowMeans(readings, true, HOUR, lateness);
        airQualityIndex(sensorHourly, lateness)
                .sinkTo(outputs.index()).name("influxdb-air-quality-index").uid("influxdb-air-quality-index");
        exceedances(readings, sensorHourly, MetricsOptions.cityZone(config), lateness)
                .sinkTo(outputs.exceedances()).name("influxdb-exceedances").uid("influxdb-exceedances");
        return means;
    }

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    /**
     * The EEA index per station and hour: NO2, O3 and SO2 hourly means, PM10 and PM2.5 24-hour running means
     * updated hourly ({@link RunningDayMeans} over the hourly means), gathered per station by {@link IndexCombiner}.
     */
    private static DataStream<AirQualityIndex> airQualityIndex(DataStream<PollutantMean> sensorHourly,
                                                               Duration lateness) {
        DataStream<PollutantMean> pmRunning = sensorHourly
                .filter(m -> m.pollutant == Pollutant.PM10 || m.pollutant == Pollutant.PM25)
                .name("hourly-pm")
                .keyBy(m -> Tuple2.of(m.sensorId, m.pollutant.field()), Types.TUPLE(Types.STRING, Types.STRING))
                .process(new RunningDayMeans())
                .name("pm-24h-running-means")
                .uid("pm-24h-running-means");
        return sensorHourly
                .filter(m -> m.pollutant == Pollutant.NO2 || m.pollutant == Pollutant.O3 || m.pollutant == Pollutant.SO2)
                .name("hourly-index-pollutants")
                .union(pmRunning)
                .keyBy(m -> m.sensorId, Types.STRING)
                .process(new IndexCombiner(lateness))
                .name("air-quality-index")
                .uid("air-quality-index");
    }

    /**
     * Limit-value exceedances (2008/50/EC) per station and calendar year: hourly means for the hourly limits,
     * means of local calendar days for the daily ones.
     */
    private static DataStream<Exceedances> exceedances(DataStream<PollutantReading> readings,
                                                       DataStream<PollutantMean> sensorHourly, ZoneId cityZone,
                                                       Duration lateness) {
        DataStream<PollutantMean> daily = readings
                .filter(r -> r.pollutant == Pollutant.PM10 || r.pollutant == Pollutant.SO2)
                .name("daily-limit-pollutants")
                .keyBy(new SensorPollutantKey(), Types.TUPLE(Types.STRING, Types.STRING))
                .window(LocalDayWindows.in(cityZone))
                .allowedLateness(lateness)
                .aggregate(new MeanAggregate<>(), new EmitPollutantMean(true, "1d"))
                .name("daily-means-local")
                .uid("daily-means-local");
        return sensorHourly.union(daily)
                .filter(m -> limitFor(m) != null)
                .name("limit-value-means")
                .keyBy(m -> Tuple2.of(m.sensorId, limitFor(m).name()), Types.TUPLE(Types.STRING, Types.STRING))
                .process(new ExceedanceCounter(cityZone, lateness))
                .name("exceedances")
                .uid("exceedances");
    }

    /** The limit value a window mean is judged against, or null. */
    static LimitValue limitFor(PollutantMean mean) {
        LimitValue.Period period = mean.windowEnd - mean.windowStart <= HOUR.toMillis()
                ? LimitValue.Period.HOUR : LimitValue.Period.DAY;
        for (LimitValue limit : LimitValue.values()) {
            if (limit.period() == period && limit.pollutant().name().equals(mean.pollutant.name())) {
                return limit;
            }
        }
        return null;
    }

    /** Tumbling means per sensor (or per zone) and pollutant; each late event within the lateness re-fires. */
    static DataStream<PollutantMean> windowMeans(DataStream<PollutantReading> readings, boolean perSensor,
                                                         Duration window, Duration lateness) {
        String resolution = MetricsOptions.resolution(window);
        String scope = perSensor ? "sensor" : "zone";
        return readings
                .keyBy(perSensor ? new SensorPollutantKey() : new ZonePollutantKey(),
                        Types.TUPLE(Types.STRING, Types.STRING))
                .window(TumblingEventTimeWindows.of(window))
                .allowedLateness(lateness)
                .aggregate(new MeanAggregate<>(), new EmitPollutantMean(perSensor, resolution))
                .name("means-" + scope + "-" + resolution)
                .uid("means-" + scope + "-" + resolution);
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new AirQualityJob(
                KafkaOptions.source(config, config.get(TOPIC), AirQualityObserved.class, validator(config), NAME),
                Outputs.of(config),
                config)
                .build(env);
        env.execute(NAME);
    }

    /** Key: zone and pollutant field name. */
    static final class ZonePollutantKey implements KeySelector<PollutantReading, Tuple2<String, String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<String, String> getKey(PollutantReading reading) {
            return Tuple2.of(reading.zone, reading.pollutant.field());
        }
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
