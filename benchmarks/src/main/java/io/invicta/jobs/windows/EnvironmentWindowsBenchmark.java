package io.invicta.jobs.windows;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.airquality.AirQualityMeasurer;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.cep.RuleSetUpdate;
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
import io.invicta.rules.RuleFile;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.WeatherObserved;

import com.sun.management.OperatingSystemMXBean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.FileUtils;

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
 *       observations over the sum of the three jobs' times;
 *   <li>{@code rules}: the rules job whole ({@link CepJob}: the same three sources, the shipped
 *       rule set of {@code cep-rules/}, hourly forms, every rule operator), alerts discarded: the
 *       rules against the windows on the same input. Esper's Janino shadows the one Flink SQL
 *       loads, so {@code rules} and {@code sql} cannot share a run (scripts/bench-metrics drops
 *       Esper from the class path when {@code sql} is asked for).
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
    record Input(long aq, long noise, long weather) {
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
        runs.put("sql", SqlWindows::run);
        runs.put("jobs", EnvironmentWindowsBenchmark::runJobs);
        runs.put("rules", EnvironmentWindowsBenchmark::runRules);
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
            if (rate.containsKey("windows") && rate.containsKey("rules")) {
                System.out.printf(
                        "round %d rules job / windows: %.2f×%n",
                        round, rate.get("rules") / rate.get("windows"));
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

    static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse();
        return env;
    }

    /** Runs the job built in {@code env}; seconds from its first record to its end. */
    static double execute(StreamExecutionEnvironment env, String name) throws Exception {
        BenchmarkObservations.FIRST_RECORD.set(0);
        env.execute(name);
        return (System.nanoTime() - BenchmarkObservations.FIRST_RECORD.get()) / 1e9;
    }

    @SuppressWarnings("unchecked")
    /** {@code keepBytes}: see {@link BenchmarkObservations}; only the rules job reads them. */
    private static <T extends SpecificRecord> DataGeneratorSource<Decoded<T>> source(
            BenchmarkObservations.Kind kind, int sensors, long events, boolean keepBytes) {
        return new DataGeneratorSource<>(
                new BenchmarkObservations<T>(kind, sensors, PERIOD_MS, events / 2, keepBytes),
                events,
                TypeInformation.of((Class<Decoded<T>>) (Class<?>) Decoded.class));
    }

    private static DataGeneratorSource<Decoded<AirQualityObserved>> aqSource(
            Input input, boolean keepBytes) {
        return source(
                BenchmarkObservations.Kind.AIR_QUALITY, Input.AQ_SENSORS, input.aq(), keepBytes);
    }

    private static DataGeneratorSource<Decoded<NoiseLevelObserved>> noiseSource(
            Input input, boolean keepBytes) {
        return source(
                BenchmarkObservations.Kind.NOISE, Input.NOISE_SENSORS, input.noise(), keepBytes);
    }

    private static DataGeneratorSource<Decoded<WeatherObserved>> weatherSource(
            Input input, boolean keepBytes) {
        return source(
                BenchmarkObservations.Kind.WEATHER,
                Input.WEATHER_SENSORS,
                input.weather(),
                keepBytes);
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

    record Observations(
            DataStream<AirQualityObserved> aq,
            DataStream<NoiseLevelObserved> noise,
            DataStream<WeatherObserved> weather) {
        static Observations of(StreamExecutionEnvironment env, Input input) {
            return new Observations(
                    observations(env, aqSource(input, false), EventKind.AIR_QUALITY),
                    observations(env, noiseSource(input, false), EventKind.NOISE),
                    observations(env, weatherSource(input, false), EventKind.WEATHER));
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
                        WindowFamily.shortLongAndLocalDays(
                                shortWindow, longWindow, ZoneId.of("Europe/Lisbon")),
                        LATENESS,
                        EnvironmentWindows.Uids.prefixed("noise"))
                .means()
                .sinkTo(new DiscardingSink<>());
        EnvironmentWindows.of(
                        o.weather(),
                        new WeatherMeasurer(),
                        zones,
                        WindowFamily.shortLongAndLocalDays(
                                shortWindow, longWindow, ZoneId.of("Europe/Lisbon")),
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
        Rejects rejects =
                new Rejects(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>());
        new AirQualityJob(
                        Inputs.none().with(EventKind.AIR_QUALITY, aqSource(input, false)),
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
                        Inputs.none().with(EventKind.NOISE, noiseSource(input, false)),
                        new NoiseJob.Outputs(
                                new DiscardingSink<>(), new DiscardingSink<>(), rejects),
                        config)
                .build(env);
        seconds += report("noise", input.noise(), execute(env, "benchmark-noise-job"));
        env = env();
        new WeatherJob(
                        Inputs.none().with(EventKind.WEATHER, weatherSource(input, false)),
                        new WeatherJob.Outputs(new DiscardingSink<>(), rejects),
                        config)
                .build(env);
        seconds += report("weather", input.weather(), execute(env, "benchmark-weather-job"));
        return seconds;
    }

    /**
     * The rules job, whole, with the shipped rule set, on the same three sources; it checkpoints
     * (its exactly-once alerts need it), to files: its state outgrows the JobManager's memory.
     */
    private static double runRules(Input input) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        StreamExecutionEnvironment env = env();
        Path checkpoints = Files.createTempDirectory("bench-rules");
        env.configure(
                new Configuration()
                        .set(
                                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                                checkpoints.toUri().toString()));
        new CepJob(
                        Inputs.none()
                                .with(EventKind.AIR_QUALITY, aqSource(input, true))
                                .with(EventKind.NOISE, noiseSource(input, true))
                                .with(EventKind.WEATHER, weatherSource(input, true)),
                        RuleSetUpdate.of(1, RuleFile.readAll(List.of(Path.of("cep-rules")))),
                        null,
                        new CepJob.Outputs(
                                new DiscardingSink<>(),
                                new DiscardingSink<>(),
                                new DiscardingSink<>(),
                                new Rejects(
                                        new DiscardingSink<>(),
                                        new DiscardingSink<>(),
                                        new DiscardingSink<>())),
                        config)
                .build(env);
        try {
            return execute(env, "benchmark-rules-job");
        } finally {
            FileUtils.deleteDirectory(checkpoints.toFile());
        }
    }

    private static double report(String job, long events, double seconds) {
        System.out.printf(
                "    %s job: %,d observations, %,.0f obs/s%n", job, events, events / seconds);
        return seconds;
    }
}
