package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;
import io.invicta.domain.LimitValue;
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
import io.invicta.jobs.windows.SensorWindows;
import io.invicta.jobs.windows.WindowFamily;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Air quality per sensor and per zone, per pollutant: Kafka → decode and validate (failures →
 * dead-letter topic) → event-time watermarks → lateness gate (too late → late-events topic) → short
 * (1 min) and long (1 h) tumbling windows of count, mean, min and max, re-fired by late events
 * within the allowed lateness → InfluxDB (air_quality_1m/_1h per sensor, air_quality_zone_1m/_1h
 * per zone), and the EEA air quality index per station and hour (air_quality_index_1h;
 * docs/METRICS.md).
 *
 * <p>Like every job ({@link CityJob}), it takes its inputs and outputs as arguments; {@link #main}
 * wires Kafka and InfluxDB from the options ({@link #OPTIONS}).
 */
public final class AirQualityJob extends CityJob {

    public static final String NAME = "invicta-air-quality";

    /** The event kinds the job reads. */
    public static final List<EventKind<?>> READS = List.of(EventKind.AIR_QUALITY);

    /** Every option the job accepts. */
    public static final JobOptions OPTIONS =
            SharedOptions.METRICS_JOBS.and(AirQualityOptions.class).and(TopicOptions.of(READS));

    /** Where the job's results and rejects go; tests plug in their own. */
    public record Outputs(
            Sink<WindowStats> means,
            Sink<AirQualityIndex> index,
            Sink<Exceedances> exceedances,
            Rejects rejects) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(
                    InfluxSinks.sink(config, new WindowStatsPoints()),
                    InfluxSinks.sink(config, new AirQualityIndexPoints()),
                    InfluxSinks.sink(config, new ExceedancePoints()),
                    Rejects.of(config));
        }
    }

    private final Outputs outputs;

    public AirQualityJob(Inputs inputs, Outputs outputs, ReadableConfig config) {
        super(NAME, inputs, config);
        this.outputs = outputs;
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        DecodedInput<AirQualityObserved> input =
                DecodedInput.of(
                        env,
                        config,
                        inputs.of(EventKind.AIR_QUALITY),
                        EventKind.AIR_QUALITY,
                        "air-quality");
        input.attachTo(outputs.rejects(), config);
        Duration lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        ZoneId cityZone = MetricsOptions.cityZone(config);

        EnvironmentWindows windows = windows(input.events(), config);
        DataStream<WindowStats> means = windows.means();
        means.sinkTo(outputs.means()).name("influxdb-air-quality").uid("influxdb-air-quality");

        DataStream<PollutantMean> sensorHourly =
                windows.sensors()
                        .getSideOutput(SensorWindows.HOURLY)
                        .flatMap(new PollutantMeans())
                        .name("hourly-means");
        DataStream<PollutantMean> sensorDaily =
                windows.sensors()
                        .getSideOutput(SensorWindows.DAILY)
                        .flatMap(new PollutantMeans())
                        .name("daily-means");
        airQualityIndex(
                        sensorHourly,
                        lateness,
                        AirQualityOptions.eaqi(config),
                        AirQualityOptions.pmMinHours(config))
                .sinkTo(outputs.index())
                .name("influxdb-air-quality-index")
                .uid("influxdb-air-quality-index");
        exceedances(sensorHourly, sensorDaily, cityZone, lateness)
                .sinkTo(outputs.exceedances())
                .name("influxdb-exceedances")
                .uid("influxdb-exceedances");
    }

    /**
     * The uids the air-quality windows had before the other jobs shared them: savepoints keep
     * working.
     */
    static final EnvironmentWindows.Uids UIDS =
            new EnvironmentWindows.Uids(
                    "sensor-slices",
                    "means-sensor" + EnvironmentWindows.STATE_FORMAT,
                    "means-zone" + EnvironmentWindows.STATE_FORMAT);

    /**
     * Every window of every sensor in one keyed operator (short and long means, hourly means,
     * local-day means), fed by a pre-aggregation chained before the shuffle (one record per sensor
     * and slice of time crosses the network instead of one per reading and window); zone means
     * merged from the sensors' windows.
     */
    static EnvironmentWindows windows(
            DataStream<AirQualityObserved> observations, ReadableConfig config) {
        return EnvironmentWindows.of(
                observations,
                new AirQualityMeasurer(),
                ZoneResolver.of(config),
                families(
                        config.get(MetricsOptions.SHORT_WINDOW),
                        config.get(MetricsOptions.LONG_WINDOW),
                        MetricsOptions.cityZone(config)),
                config.get(EventTimeOptions.ALLOWED_LATENESS),
                UIDS);
    }

    /**
     * The short and long means; hourly means for the index and the hourly limits (from the long
     * window when it is one hour, else their own); local-day means (written, and for the daily
     * limits).
     */
    public static WindowFamily[] families(
            Duration shortWindow, Duration longWindow, ZoneId cityZone) {
        List<WindowFamily> list = new ArrayList<>();
        list.add(
                WindowFamily.tumbling(
                        shortWindow, true, shortWindow.equals(HOUR) && !longWindow.equals(HOUR)));
        list.add(WindowFamily.tumbling(longWindow, true, longWindow.equals(HOUR)));
        if (!shortWindow.equals(HOUR) && !longWindow.equals(HOUR)) {
            list.add(WindowFamily.tumbling(HOUR, false, true));
        }
        list.add(WindowFamily.localDays(cityZone));
        return list.toArray(new WindowFamily[0]);
    }

    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * The EEA index per station and hour, from the station's hourly means on one path: NO2, O3 and
     * SO2 hourly means, PM10 and PM2.5 24-hour running means, all computed and gathered per station
     * by {@link IndexCombiner} (one operator, so an hour's point is always written whole).
     */
    private static DataStream<AirQualityIndex> airQualityIndex(
            DataStream<PollutantMean> sensorHourly, Duration lateness, Eaqi table, int pmMinHours) {
        return sensorHourly
                .filter(
                        m ->
                                m.pollutant == Pollutant.NO2
                                        || m.pollutant == Pollutant.O3
                                        || m.pollutant == Pollutant.SO2
                                        || m.pollutant == Pollutant.PM10
                                        || m.pollutant == Pollutant.PM25)
                .name("hourly-index-pollutants")
                .keyBy(m -> m.sensorId, Types.STRING)
                .process(new IndexCombiner(lateness, table, pmMinHours))
                .name("air-quality-index")
                .uid("air-quality-index");
    }

    /**
     * Limit-value exceedances (2008/50/EC) per station and calendar year: hourly means for the
     * hourly limits, means of local calendar days for the daily ones.
     */
    private static DataStream<Exceedances> exceedances(
            DataStream<PollutantMean> sensorHourly,
            DataStream<PollutantMean> daily,
            ZoneId cityZone,
            Duration lateness) {
        return sensorHourly
                .union(daily)
                .filter(m -> limitFor(m) != null)
                .name("limit-value-means")
                .keyBy(
                        m -> Tuple2.of(m.sensorId, limitFor(m).name()),
                        Types.TUPLE(Types.STRING, Types.STRING))
                .process(new ExceedanceCounter(cityZone, lateness))
                .name("exceedances")
                .uid("exceedances");
    }

    /** The limit value a window mean is judged against, or null. */
    static LimitValue limitFor(PollutantMean mean) {
        LimitValue.Period period =
                mean.windowEnd - mean.windowStart <= HOUR.toMillis()
                        ? LimitValue.Period.HOUR
                        : LimitValue.Period.DAY;
        for (LimitValue limit : LimitValue.values()) {
            if (limit.period() == period
                    && limit.pollutant().name().equals(mean.pollutant.name())) {
                return limit;
            }
        }
        return null;
    }

    /** The production job: Kafka inputs, InfluxDB and Kafka outputs. */
    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config ->
                            new AirQualityJob(
                                    Inputs.kafka(config, NAME, READS), Outputs.of(config), config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
