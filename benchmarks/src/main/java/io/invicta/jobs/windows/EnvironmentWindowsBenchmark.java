package io.invicta.jobs.windows;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.airquality.AirQualityMeasurer;
import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.noise.NoiseMeasurer;
import io.invicta.jobs.time.DecodedEventTimes;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.weather.WeatherJob;
import io.invicta.jobs.weather.WeatherMeasurer;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.WeatherObserved;

import com.sun.management.OperatingSystemMXBean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.Collector;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-JVM throughput of all the environment windows at parallelism 2, without Kafka or InfluxDB, in
 * observations per second. The input is the same in every run: air quality, noise and weather
 * observations from three sources (as from the jobs' three topics; {@link BenchmarkObservations},
 * bytes decoded by the jobs' codec), 1,000, 1,500 and 500 sensors each reporting every 10 s, so a
 * third of the observations are air quality, half noise, a sixth weather. Runs:
 *
 * <ul>
 *   <li>{@code baseline}: the generators and the decoding alone into a discarding sink (the
 *       ceiling);
 *   <li>{@code windows}: every environment window as the jobs compute them, in one job: per sensor
 *       and per zone, 1 min and 1 h, of every pollutant, noise level and weather variable, plus the
 *       air-quality local days;
 *   <li>{@code sql}: the same sensor and zone windows as Flink SQL TUMBLE queries over one row per
 *       reading;
 *   <li>{@code jobs}: the three jobs' whole topologies (validation, lateness gates, windows, the
 *       EEA index, exceedances, Lden), one after the other, results discarded: the rate is all
 *       observations over the sum of the three jobs' times.
 * </ul>
 *
 * The rate counts from the first generated record to the end of the job (all windows fired, the job
 * finished), so the MiniCluster's start and the job's deployment (about a second per run) are left
 * out; the rate including them is printed too. Also reports the process CPU time per observation
 * (start included), which contention from other processes distorts less than the wall clock. Usage:
 * {@code EnvironmentWindowsBenchmark [OBSERVATIONS] [ROUNDS] [RUNS, e.g.
 * baseline,windows,sql,jobs]}; run with scripts/bench-metrics.
 */
public final class EnvironmentWindowsBenchmark {

    private static final long PERIOD_MS = 10_000;
    private static final Duration LATENESS = Duration.ZERO;

    private EnvironmentWindowsBenchmark() {}

    /**
     * One run on {@code events} observations; returns its seconds from the first record to the end.
     */
    private interface Run {
        double run(Input input) throws Exception;
    }

    /** How many observations of each type, and from how many sensors. */
    private record Input(long aq, long noise, long weather) {
        static final int AQ_SENSORS = 1_000;
        static final int NOISE_SENSORS = 1_500;
        static final int WEATHER_SENSORS = 500;

        static Input of(long events) {
            int all = AQ_SENSORS + NOISE_SENSORS + WEATHER_SENSORS;
            long aq = events * AQ_SENSORS / all / 2 * 2;
            long noise = events * NOISE_SENSORS / all / 2 * 2;
            return new Input(aq, noise, (events - aq - noise) / 2 * 2);
        }

        long total() {
            return aq + noise + weather;
        }
    }

    public static void main(String[] args) throws Exception {
        Input input = Input.of(args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> selected =
                List.of((args.length > 2 ? args[2] : "baseline,windows,sql,jobs").split(","));
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("baseline", EnvironmentWindowsBenchmark::runBaseline);
        runs.put("windows", EnvironmentWindowsBenchmark::runWindows);
        runs.put("sql", EnvironmentWindowsBenchmark::runSql);
        runs.put("jobs", EnvironmentWindowsBenchmark::runJobs);
        System.out.printf(
                "input: %,d observations: %,d air quality, %,d noise, %,d weather%n",
                input.total(), input.aq(), input.noise(), input.weather());
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> rate = new LinkedHashMap<>();
            for (Map.Entry<String, Run> run : runs.entrySet()) {
                if (!selected.contains(run.getKey())) {
                    continue;
                }
                String load = loadAverage();
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                double processing = run.getValue().run(input);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuMicros = (processCpuNanos() - cpu0) / 1e3 / input.total();
                rate.put(run.getKey(), input.total() / processing);
                System.out.printf(
                        "round %d %-8s %,d observations: %,.0f obs/s from the first record to the"
                            + " end (%.2f s; with job start %.2f s, %,.0f obs/s), CPU %.2f µs/obs,"
                            + " load %s%n",
                        round,
                        run.getKey(),
                        input.total(),
                        input.total() / processing,
                        processing,
                        seconds,
                        input.total() / seconds,
                        cpuMicros,
                        load);
            }
            if (rate.containsKey("windows") && rate.containsKey("sql")) {
                System.out.printf(
                        "round %d windows DataStream / SQL: %.2f×%n",
                        round, rate.get("windows") / rate.get("sql"));
            }
        }
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse();
        return env;
    }

    /** Runs the job built in {@code env}; seconds from its first record to its end. */
    private static double execute(StreamExecutionEnvironment env, String name) throws Exception {
        BenchmarkObservations.FIRST_RECORD.set(0);
        env.execute(name);
        return (System.nanoTime() - BenchmarkObservations.FIRST_RECORD.get()) / 1e9;
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> DataGeneratorSource<Decoded<T>> source(
            BenchmarkObservations.Kind kind, int sensors, long events) {
        return new DataGeneratorSource<>(
                new BenchmarkObservations<T>(kind, sensors, PERIOD_MS, events / 2),
                events,
                TypeInformation.of((Class<Decoded<T>>) (Class<?>) Decoded.class));
    }

    private static DataGeneratorSource<Decoded<AirQualityObserved>> aqSource(Input input) {
        return source(BenchmarkObservations.Kind.AIR_QUALITY, Input.AQ_SENSORS, input.aq());
    }

    private static DataGeneratorSource<Decoded<NoiseLevelObserved>> noiseSource(Input input) {
        return source(BenchmarkObservations.Kind.NOISE, Input.NOISE_SENSORS, input.noise());
    }

    private static DataGeneratorSource<Decoded<WeatherObserved>> weatherSource(Input input) {
        return source(BenchmarkObservations.Kind.WEATHER, Input.WEATHER_SENSORS, input.weather());
    }

    private static <T extends SpecificRecord> DataStream<T> observations(
            StreamExecutionEnvironment env,
            DataGeneratorSource<Decoded<T>> source,
            EventKind<T> kind) {
        return env.fromSource(
                        source,
                        DecodedEventTimes.watermarks(
                                kind, Duration.ofSeconds(30), Duration.ofSeconds(5)),
                        kind.typeName())
                .map(Decoded::value)
                .returns(kind.type());
    }

    private record Observations(
            DataStream<AirQualityObserved> aq,
            DataStream<NoiseLevelObserved> noise,
            DataStream<WeatherObserved> weather) {
        static Observations of(StreamExecutionEnvironment env, Input input) {
            return new Observations(
                    observations(env, aqSource(input), EventKind.AIR_QUALITY),
                    observations(env, noiseSource(input), EventKind.NOISE),
                    observations(env, weatherSource(input), EventKind.WEATHER));
        }
    }

    private static double runBaseline(Input input) throws Exception {
        StreamExecutionEnvironment env = env();
        Observations o = Observations.of(env, input);
        o.aq().sinkTo(new DiscardingSink<>());
        o.noise().sinkTo(new DiscardingSink<>());
        o.weather().sinkTo(new DiscardingSink<>());
        return execute(env, "benchmark-baseline");
    }

    /**
     * Every environment window (sensor and zone) as the jobs compute them, without validation and
     * lateness gates.
     */
    private static double runWindows(Input input) throws Exception {
        StreamExecutionEnvironment env = env();
        Observations o = Observations.of(env, input);
        ZoneResolver zones = ZoneResolver.geohash(6);
        Duration shortWindow = Duration.ofMinutes(1);
        Duration longWindow = Duration.ofHours(1);
        EnvironmentWindows aq =
                EnvironmentWindows.of(
                        o.aq(),
                        new AirQualityMeasurer(),
                        zones,
                        AirQualityJob.families(shortWindow, longWindow, ZoneId.of("Europe/Lisbon")),
                        LATENESS,
                        EnvironmentWindows.Uids.prefixed("aq"));
        aq.means().sinkTo(new DiscardingSink<>());
        aq.sensors().getSideOutput(SensorWindows.HOURLY).sinkTo(new DiscardingSink<>());
        aq.sensors().getSideOutput(SensorWindows.DAILY).sinkTo(new DiscardingSink<>());
        EnvironmentWindows.of(
                        o.noise(),
                        new NoiseMeasurer(),
                        zones,
                        WindowFamily.shortAndLong(shortWindow, longWindow),
                        LATENESS,
                        EnvironmentWindows.Uids.prefixed("noise"))
                .means()
                .sinkTo(new DiscardingSink<>());
        EnvironmentWindows.of(
                        o.weather(),
                        new WeatherMeasurer(),
                        zones,
                        WindowFamily.shortAndLong(shortWindow, longWindow),
                        LATENESS,
                        EnvironmentWindows.Uids.prefixed("weather"))
                .means()
                .sinkTo(new DiscardingSink<>());
        return execute(env, "benchmark-windows");
    }

    /** The three jobs, whole, one after the other. */
    private static double runJobs(Input input) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        double seconds = 0;
        StreamExecutionEnvironment env = env();
        Rejects rejects = new Rejects(new DiscardingSink<>(), new DiscardingSink<>());
        new AirQualityJob(
                        Inputs.none().with(EventKind.AIR_QUALITY, aqSource(input)),
                        new AirQualityJob.Outputs(
                                new DiscardingSink<>(),
                                new DiscardingSink<>(),
                                new DiscardingSink<>(),
                                rejects),
                        config)
                .build(env);
        seconds += report("air quality", input.aq(), execute(env, "benchmark-air-quality-job"));
        env = env();
        new NoiseJob(
                        Inputs.none().with(EventKind.NOISE, noiseSource(input)),
                        new NoiseJob.Outputs(
                                new DiscardingSink<>(), new DiscardingSink<>(), rejects),
                        config)
                .build(env);
        seconds += report("noise", input.noise(), execute(env, "benchmark-noise-job"));
        env = env();
        new WeatherJob(
                        Inputs.none().with(EventKind.WEATHER, weatherSource(input)),
                        new WeatherJob.Outputs(new DiscardingSink<>(), rejects),
                        config)
                .build(env);
        seconds += report("weather", input.weather(), execute(env, "benchmark-weather-job"));
        return seconds;
    }

    private static double report(String job, long events, double seconds) {
        System.out.printf(
                "    %s job: %,d observations, %,.0f obs/s%n", job, events, events / seconds);
        return seconds;
    }

    /** The same sensor and zone windows as Flink SQL windowing table-valued functions (TUMBLE). */
    private static double runSql(Input input) throws Exception {
        StreamExecutionEnvironment env = env();
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        Observations o = Observations.of(env, input);
        ZoneResolver zones = ZoneResolver.geohash(6);
        DataStream<SqlRow> rows =
                o.aq().flatMap(
                                (AirQualityObserved a, Collector<SqlRow> out) ->
                                        airQualityRows(a, zones, out))
                        .returns(SqlRow.class)
                        .union(
                                o.noise()
                                        .flatMap(
                                                (NoiseLevelObserved n, Collector<SqlRow> out) ->
                                                        noiseRows(n, zones, out))
                                        .returns(SqlRow.class),
                                o.weather()
                                        .flatMap(
                                                (WeatherObserved w, Collector<SqlRow> out) ->
                                                        weatherRows(w, zones, out))
                                        .returns(SqlRow.class));
        tables.createTemporaryView(
                "readings",
                tables.fromDataStream(
                        rows,
                        Schema.newBuilder()
                                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                                .watermark("rowtime", "SOURCE_WATERMARK()")
                                .build()));
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_stats (scope_id STRING, variable STRING, window_start"
                        + " TIMESTAMP(3), n BIGINT, mean_value DOUBLE, min_value DOUBLE, max_value"
                        + " DOUBLE, total DOUBLE) WITH ('connector' = 'blackhole')");
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_directions (scope_id STRING, window_start"
                        + " TIMESTAMP(3), n BIGINT, mean_degrees DOUBLE) WITH ('connector' ="
                        + " 'blackhole')");
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_noise (scope_id STRING, window_start TIMESTAMP(3), n"
                        + " BIGINT, laeq DOUBLE, lamax DOUBLE) WITH ('connector' = 'blackhole')");
        StreamStatementSet statements = tables.createStatementSet();
        for (String scope : new String[] {"sensor", "zone"}) {
            for (String size : new String[] {"MINUTE", "HOUR"}) {
                String window =
                        " FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(rowtime), INTERVAL '1' "
                                + size
                                + "))";
                statements.addInsertSql(
                        "INSERT INTO sink_stats SELECT "
                                + scope
                                + ", variable, window_start, COUNT(*), "
                                + "AVG(v), MIN(v), MAX(v), SUM(v)"
                                + window
                                + " WHERE family <> 'noise' AND variable <> 'windDirection'"
                                + " GROUP BY "
                                + scope
                                + ", variable, window_start, window_end");
                statements.addInsertSql(
                        "INSERT INTO sink_directions SELECT "
                                + scope
                                + ", window_start, COUNT(*), "
                                + "DEGREES(ATAN2(SUM(SIN(RADIANS(v))), SUM(COS(RADIANS(v)))))"
                                + window
                                + " WHERE variable = 'windDirection' GROUP BY "
                                + scope
                                + ", window_start, window_end");
                statements.addInsertSql(
                        "INSERT INTO sink_noise SELECT "
                                + scope
                                + ", window_start, COUNT(*), "
                                + "10 * LOG10(SUM(v) / SUM(w)), MAX(m)"
                                + window
                                + " WHERE family = 'noise' GROUP BY "
                                + scope
                                + ", window_start, window_end");
            }
        }
        statements.attachAsDataStream();
        return execute(env, "benchmark-sql");
    }

    private static void airQualityRows(
            AirQualityObserved a, ZoneResolver zones, Collector<SqlRow> out) {
        String zone = zones.zoneOf(a.getZone(), a.getLocation().getLat(), a.getLocation().getLon());
        Double[] values = {
            a.getNo2(),
            a.getNo(),
            a.getNox(),
            a.getPm10(),
            a.getPm25(),
            a.getO3(),
            a.getSo2(),
            a.getCo()
        };
        String[] names = {"no2", "no", "nox", "pm10", "pm25", "o3", "so2", "co"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                out.collect(new SqlRow(a.getId(), zone, "aq", names[i], values[i], 0, 0));
            }
        }
    }

    private static void noiseRows(NoiseLevelObserved n, ZoneResolver zones, Collector<SqlRow> out) {
        if (n.getLAeq() == null) {
            return;
        }
        String zone = zones.zoneOf(n.getZone(), n.getLocation().getLat(), n.getLocation().getLon());
        double seconds =
                Math.max(
                        1,
                        (n.getDateObserved().toEpochMilli()
                                        - n.getDateObservedFrom().toEpochMilli())
                                / 1000.0);
        out.collect(
                new SqlRow(
                        n.getId(),
                        zone,
                        "noise",
                        "laeq",
                        Math.pow(10, n.getLAeq() / 10) * seconds,
                        seconds,
                        n.getLAmax() == null ? Double.NaN : n.getLAmax()));
    }

    private static void weatherRows(WeatherObserved w, ZoneResolver zones, Collector<SqlRow> out) {
        String zone = zones.zoneOf(w.getZone(), w.getLocation().getLat(), w.getLocation().getLon());
        Double[] values = {
            w.getTemperature(),
            w.getRelativeHumidity(),
            w.getAtmosphericPressure(),
            w.getWindSpeed(),
            w.getPrecipitation()
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                out.collect(
                        new SqlRow(
                                w.getId(),
                                zone,
                                "weather",
                                WeatherMeasurer.VARIABLES[i],
                                values[i],
                                0,
                                0));
            }
        }
        if (w.getWindDirection() != null && (w.getWindSpeed() == null || w.getWindSpeed() != 0.0)) {
            out.collect(
                    new SqlRow(
                            w.getId(),
                            zone,
                            "weather",
                            WeatherMeasurer.WIND_DIRECTION,
                            w.getWindDirection(),
                            0,
                            0));
        }
    }

    /**
     * A reading as SQL sees it: noise has its duration-weighted energy in v, seconds in w, LAmax in
     * m.
     */
    public static class SqlRow {
        public String sensor;
        public String zone;
        public String family;
        public String variable;
        public double v;
        public double w;
        public double m;

        public SqlRow() {}

        SqlRow(
                String sensor,
                String zone,
                String family,
                String variable,
                double v,
                double w,
                double m) {
            this.sensor = sensor;
            this.zone = zone;
            this.family = family;
            this.variable = variable;
            this.v = v;
            this.w = w;
            this.m = m;
        }
    }
}
