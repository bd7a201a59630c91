package io.invicta.jobs.bench;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.common.Decoded;
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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Duration;
import java.time.Instant;

/**
 * In-JVM throughput of the air-quality job's whole topology (validation, lateness gate, 1 min and 1 h windows
 * per sensor and per zone, 24 h running PM means, the EEA index, exceedances) at parallelism 2, without Kafka
 * or InfluxDB: a generator encodes each observation in Avro single-object encoding and the source decodes it
 * again, as the Kafka deserializer does. Results are discarded. Run with scripts/bench-metrics.
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
            long start = System.nanoTime();
            run(events);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d observations (≈%,d readings) in %.1f s = %,.0f observations/s%n",
                    round, events, events * 5, seconds, events / seconds);
        }
    }

    private static void run(long events) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataGeneratorSource<Decoded<AirQualityObserved>> source = new DataGeneratorSource<>(
                new Observations(events / 2), events, decodedType());
        new AirQualityJob(source, new AirQualityJob.Outputs(new DiscardingSink<>(), new DiscardingSink<>(),
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
