package io.invicta.jobs.airquality;

import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedInput;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.common.LateEvent;
import io.invicta.domain.LimitValue;
import io.invicta.jobs.common.MetricsOptions;
import io.invicta.jobs.common.ZoneResolver;
import io.invicta.jobs.windows.EnvironmentWindows;
import io.invicta.jobs.windows.SensorWindows;
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.schemas.AirQualityObserved;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
    public record Outputs(Sink<WindowStats> means, Sink<AirQualityIndex> index, Sink<Exceedances> exceedances,
                          Sink<DeadLetter> deadLetters, Sink<LateEvent> lateEvents) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(InfluxOptions.sink(config, new WindowStatsPoints()),
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
    public DataStream<WindowStats> build(StreamExecutionEnvironment env) {
        // No operator of this job keeps or changes a record after passing it on (results are fresh copies), so
        // chained operators may hand records over without the defensive copy (for the Avro records a deep copy,
        // for the source's Decoded wrapper a Kryo copy), which cost more than the windows themselves.
        env.getConfig().enableObjectReuse();
        DecodedInput<AirQualityObserved> input = DecodedInput.of(env, config, source, AirQualityObserved.class,
                AirQualityObserved::getDateObserved, AirQualityObserved::getId, "air-quality");
        input.deadLetters().sinkTo(outputs.deadLetters()).name("dead-letters").uid("dead-letters");
        input.late().sinkTo(outputs.lateEvents()).name("late-events").uid("late-events");
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        ZoneId cityZone = MetricsOptions.cityZone(config);

        EnvironmentWindows windows = windows(input.events(), config);
        DataStream<WindowStats> means = windows.means();
        means.sinkTo(outputs.means()).name("influxdb-air-quality").uid("influxdb-air-quality");

        DataStream<PollutantMean> sensorHourly = windows.sensors().getSideOutput(SensorWindows.HOURLY)
                .flatMap(new PollutantMeans()).name("hourly-means");
        DataStream<PollutantMean> sensorDaily = windows.sensors().getSideOutput(SensorWindows.DAILY)
                .flatMap(new PollutantMeans()).name("daily-means");
        airQualityIndex(sensorHourly, lateness)
                .sinkTo(outputs.index()).name("influxdb-air-quality-index").uid("influxdb-air-quality-index");
        exceedances(sensorHourly, sensorDaily, cityZone, lateness)
                .sinkTo(outputs.exceedances()).name("influxdb-exceedances").uid("influxdb-exceedances");
        return means;
    }

    /** The uids the air-quality windows had before the other jobs shared them: savepoints keep working. */
    static final EnvironmentWindows.Uids UIDS = new EnvironmentWindows.Uids("sensor-slices", "means-sensor",
            "means-zone");

    /**
     * Every window of every sensor in one keyed operator (short and long means, hourly means, local-day means), fed
     * by a pre-aggregation chained before the shuffle (one record per sensor and slice of time crosses the network
     * instead of one per reading and window); zone means merged from the sensors' windows.
     */
    static EnvironmentWindows windows(DataStream<AirQualityObserved> observations, ReadableConfig config) {
        return EnvironmentWindows.of(observations, new AirQualityMeasurer(), ZoneResolver.of(config),
                families(config.get(MetricsOptions.SHORT_WINDOW), config.get(MetricsOptions.LONG_WINDOW),
                        MetricsOptions.cityZone(config)),
                config.get(EventTimeOptions.ALLOWED_LATENESS), UIDS);
    }

    /**
     * The short and long means; hourly means for the index and the hourly limits (from the long window when it is
     * one hour, else their own); local-day means of PM10 and SO2 for the daily limits.
     */
    public static WindowFamily[] families(Duration shortWindow, Duration longWindow, ZoneId cityZone) {
        List<WindowFamily> list = new ArrayList<>();
        list.add(WindowFamily.tumbling(shortWindow, true, shortWindow.equals(HOUR) && !longWindow.equals(HOUR)));
        list.add(WindowFamily.tumbling(longWindow, true, longWindow.equals(HOUR)));
        if (!shortWindow.equals(HOUR) && !longWindow.equals(HOUR)) {
            list.add(WindowFamily.tumbling(HOUR, false, true));
        }
        list.add(WindowFamily.localDays(cityZone, 1 << Pollutant.PM10.ordinal() | 1 << Pollutant.SO2.ordinal()));
        return list.toArray(new WindowFamily[0]);
    }

    private static final Duration HOUR = Duration.ofHours(1);

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
    private static DataStream<Exceedances> exceedances(DataStream<PollutantMean> sensorHourly,
                                                       DataStream<PollutantMean> daily, ZoneId cityZone,
                                                       Duration lateness) {
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
}
