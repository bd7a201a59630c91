package io.invicta.jobs.airquality;

import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedEventTimes;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.schemas.AirQualityObserved;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-JVM throughput at parallelism 2, without Kafka or InfluxDB, in observations (AirQualityObserved records) per
 * second, all runs on the same input ({@link BenchmarkObservations}: bytes decoded by the job's codec):
 * <ul>
 *   <li>{@code baseline}: the generator and the decoding alone into a discarding sink (the ceiling);</li>
 *   <li>{@code job}: the air-quality job's whole topology (validation, lateness gate, sensor and zone windows of
 *       1 min and 1 h, local-day means, 24 h PM running means, the EEA index, exceedances), results discarded;</li>
 *   <li>{@code windows}: the environment windows alone, as the job computes them (per sensor: 1 min, 1 h and local
 *       days; per zone: 1 min and 1 h merged from the sensor windows);</li>
 *   <li>{@code sql}: the four mean windows (sensor and zone × 1 min and 1 h) as Flink SQL TUMBLE queries.</li>
 * </ul>
 * The rate counts from the first generated record to the end of the job (all windows fired, the job finished),
 * so the MiniCluster's start and the job's deployment (about a second per run) are left out; the rate including
 * them is printed too. Also reports the process CPU time per observation (start included), which contention from
 * other processes distorts less than the wall clock. Usage: {@code EnvironmentWindowsBenchmark [OBSERVATIONS] [ROUNDS] [RUNS, e.g. baseline,job,windows,sql]};
 * run with scripts/bench-metrics.
 */
public final class EnvironmentWindowsBenchmark {

    private EnvironmentWindowsBenchmark() {
    }

    private interface Run {
        void run(long events) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> selected = List.of((args.length > 2 ? args[2] : "baseline,job,windows,sql").split(","));
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("baseline", EnvironmentWindowsBenchmark::runBaseline);
        runs.put("job", EnvironmentWindowsBenchmark::runJob);
        runs.put("windows", EnvironmentWindowsBenchmark::runWindows);
        runs.put("sql", EnvironmentWindowsBenchmark::runSql);
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> rate = new LinkedHashMap<>();
            for (Map.Entry<String, Run> run : runs.entrySet()) {
                if (!selected.contains(run.getKey())) {
                    continue;
                }
                String load = loadAverage();
                long cpu0 = processCpuNanos();
                BenchmarkObservations.FIRST_RECORD.set(0);
                long t0 = System.nanoTime();
                run.getValue().run(events);
                long t1 = System.nanoTime();
                double seconds = (t1 - t0) / 1e9;
                double processing = (t1 - BenchmarkObservations.FIRST_RECORD.get()) / 1e9;
                double cpuMicros = (processCpuNanos() - cpu0) / 1e3 / events;
                rate.put(run.getKey(), events / processing);
                System.out.printf("round %d %-8s %,d observations: %,.0f obs/s from the first record to the end "
                                + "(%.2f s; with job start %.2f s, %,.0f obs/s), CPU %.2f µs/obs, load %s%n", round,
                        run.getKey(), events, events / processing, processing, seconds, events / seconds, cpuMicros, load);
            }
            if (rate.containsKey("windows") && rate.containsKey("sql")) {
                System.out.printf("round %d windows DataStream / SQL: %.2f×%n", round, rate.get("windows") / rate.get("sql"));
            }
        }
    }

    private static String loadAverage() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse();
        return env;
    }

    private static DataGeneratorSource<Decoded<AirQualityObserved>> source(long events) {
        return new DataGeneratorSource<>(new BenchmarkObservations(events / 2), events, decodedType());
    }

    private static DataStream<AirQualityObserved> observations(StreamExecutionEnvironment env, long events) {
        return env.fromSource(source(events), DecodedEventTimes.watermarks(AirQualityObserved::getDateObserved,
                        Duration.ofSeconds(30), Duration.ofSeconds(5)), "generator")
                .map(Decoded::value).returns(AirQualityObserved.class);
    }

    private static void runBaseline(long events) throws Exception {
        StreamExecutionEnvironment env = env();
        observations(env, events).sinkTo(new DiscardingSink<>());
        env.execute("benchmark-baseline");
    }

    private static void runJob(long events) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        StreamExecutionEnvironment env = env();
        new AirQualityJob(source(events), new AirQualityJob.Outputs(new DiscardingSink<>(), new DiscardingSink<>(),
                new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()), config).build(env);
        env.execute("benchmark-job");
    }

    /** The job's environment windows (sensor and zone), without validation, lateness gate, index and limits. */
    private static void runWindows(long events) throws Exception {
        StreamExecutionEnvironment env = env();
        Configuration config = new Configuration();
        config.set(EventTimeOptions.ALLOWED_LATENESS, Duration.ZERO);
        AirQualityJob.windows(observations(env, events), config).means().sinkTo(new DiscardingSink<>());
        env.execute("benchmark-windows");
    }

    /** The four mean windows as Flink SQL windowing table-valued functions (TUMBLE), over one row per reading. */
    private static void runSql(long events) throws Exception {
        StreamExecutionEnvironment env = env();
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        DataStream<SqlReading> readings = observations(env, events).flatMap(new ToPollutantReadings(io.invicta.jobs.common.ZoneResolver.geohash(6)))
                .map(r -> new SqlReading(r.sensorId, r.zone, r.pollutant.field(), r.value)).returns(SqlReading.class);
        tables.createTemporaryView("readings", tables.fromDataStream(readings, Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build()));
        StreamStatementSet statements = tables.createStatementSet();
        tables.executeSql("CREATE TEMPORARY TABLE sink_means (scope_id STRING, pollutant STRING, window_start TIMESTAMP(3), "
                + "n BIGINT, mean_value DOUBLE, min_value DOUBLE, max_value DOUBLE) WITH ('connector' = 'blackhole')");
        for (String scope : new String[]{"sensor", "zone"}) {
            for (String size : new String[]{"MINUTE", "HOUR"}) {
                statements.addInsertSql("INSERT INTO sink_means SELECT " + scope + ", pollutant, window_start, COUNT(*), "
                        + "AVG(v), MIN(v), MAX(v) FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(rowtime), INTERVAL '1' "
                        + size + ")) GROUP BY " + scope + ", pollutant, window_start, window_end");
            }
        }
        statements.attachAsDataStream();
        env.execute("benchmark-sql");
    }

    /** A reading as SQL sees it. */
    public static class SqlReading {
        public String sensor;
        public String zone;
        public String pollutant;
        public double v;

        public SqlReading() {
        }

        SqlReading(String sensor, String zone, String pollutant, double v) {
            this.sensor = sensor;
            this.zone = zone;
            this.pollutant = pollutant;
            this.v = v;
        }
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Decoded<AirQualityObserved>> decodedType() {
        return TypeInformation.of((Class<Decoded<AirQualityObserved>>) (Class<?>) Decoded.class);
    }
}
