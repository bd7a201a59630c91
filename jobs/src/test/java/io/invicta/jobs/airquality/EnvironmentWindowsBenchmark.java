package io.invicta.jobs.airquality;

import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedEventTimes;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Duration;
import java.time.Instant;

/**
 * In-JVM throughput of the air-quality job's whole topology (validation, lateness gate, 1 min and 1 h windows
 * per sensor and per zone, 24 h running PM means, the EEA index, exceedances) at parallelism 2, without Kafka
 * or InfluxDB: a generator encodes each observation in Avro single-object encoding and the source decodes it
 * again, as the Kafka deserializer does. Results are discarded. In the same run, on the same input: the four mean
 * windows alone (sensor and zone × 1 min and 1 h) in the DataStream API and as Flink SQL TUMBLE queries.
 * Run with scripts/bench-metrics.
 */
public final class EnvironmentWindowsBenchmark {

    private static final int SENSORS = 1_000;
    private static final long BASE = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    private EnvironmentWindowsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            double job = timed(() -> runJob(events));
            double windows = timed(() -> runWindows(events));
            double sql = timed(() -> runSql(events));
            System.out.printf("round %d, %,d observations (≈%,d readings): whole job %,.0f obs/s | the four mean "
                            + "windows: DataStream %,.0f obs/s, Flink SQL TUMBLE %,.0f obs/s, DataStream/SQL %.2f×%n",
                    round, events, events * 5, events / job, events / windows, events / sql, sql / windows);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double timed(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static DataGeneratorSource<Decoded<AirQualityObserved>> source(long events) {
        return new DataGeneratorSource<>(new Observations(events / 2), events, decodedType());
    }

    private static DataStream<PollutantReading> readings(StreamExecutionEnvironment env, long events) {
        return env.fromSource(source(events), DecodedEventTimes.watermarks(AirQualityObserved::getDateObserved,
                        Duration.ofSeconds(30), Duration.ofSeconds(5)), "generator")
                .map(d -> d.value()).returns(AirQualityObserved.class)
                .flatMap(new ToPollutantReadings(io.invicta.jobs.common.ZoneResolver.geohash(6)));
    }

    /** The same four aggregates as the job's means (sensor and zone × 1 min and 1 h), in the DataStream API. */
    private static void runWindows(long events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<PollutantReading> readings = readings(env, events);
        Duration lateness = Duration.ZERO;
        AirQualityJob.windowMeans(readings, true, Duration.ofMinutes(1), lateness)
                .union(AirQualityJob.windowMeans(readings, true, Duration.ofHours(1), lateness),
                        AirQualityJob.windowMeans(readings, false, Duration.ofMinutes(1), lateness),
                        AirQualityJob.windowMeans(readings, false, Duration.ofHours(1), lateness))
                .sinkTo(new DiscardingSink<>());
        env.execute("benchmark-datastream-windows");
    }

    /** The same four aggregates as Flink SQL windowing table-valued functions (TUMBLE). */
    private static void runSql(long events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        DataStream<SqlReading> readings = readings(env, events)
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
        env.execute("benchmark-sql-windows");
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

    private static void runJob(long events) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        new AirQualityJob(source(events), new AirQualityJob.Outputs(new DiscardingSink<>(), new DiscardingSink<>(),
                new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()), config).build(env);
        env.execute("environment-windows-benchmark");
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Decoded<AirQualityObserved>> decodedType() {
        return TypeInformation.of((Class<Decoded<AirQualityObserved>>) (Class<?>) Decoded.class);
    }

    /**
     * Observation i of a reader: sensor i mod 1000, every sensor every 10 s. Each of the two readers gets a
     * contiguous half of the index range, so time is derived from the index within the half (else one reader
     * would run a day ahead and every window would wait for the other).
     */
    static final class Observations implements GeneratorFunction<Long, Decoded<AirQualityObserved>> {
        private static final long serialVersionUID = 1L;
        private final long perReader;
        private transient AvroCodec<AirQualityObserved> codec;
        private transient AirQualityObserved.Builder builder;
        private transient String[] ids;

        Observations(long perReader) {
            this.perReader = perReader;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            codec = Codecs.forType(AirQualityObserved.class);
            builder = AirQualityObserved.newBuilder().setZone(null).setLocation(new GeoPoint(41.15, -8.61));
            ids = new String[SENSORS];
            for (int s = 0; s < SENSORS; s++) {
                ids[s] = "porto-aq-" + s;
            }
        }

        @Override
        public Decoded<AirQualityObserved> map(Long index) {
            long local = index % perReader;
            int sensor = (int) (local % SENSORS);
            long time = BASE + local / SENSORS * 10_000L;
            double v = (index * 2_654_435_761L >>> 16) % 1000 / 10.0;
            AirQualityObserved observation = builder.setId(ids[sensor]).setDateObserved(Instant.ofEpochMilli(time))
                    .setLocation(new GeoPoint(41.14 + sensor % 40 * 0.001, -8.69 + sensor / 40 * 0.005))
                    .setNo2(v).setPm10(v / 2).setPm25(v / 4).setO3(100 - v / 2).setSo2(v / 10).build();
            // The Kafka source's work: bytes in, a decoded record out.
            byte[] bytes = codec.encode(observation);
            return Decoded.of(((DecodeResult.Success<AirQualityObserved>) codec.decode(bytes)).value());
        }
    }
}
