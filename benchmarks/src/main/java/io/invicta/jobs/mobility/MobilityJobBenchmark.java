package io.invicta.jobs.mobility;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.GeneratedStream;
import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-JVM throughput of the mobility job (Flink's window operators) beside the air-quality job (the
 * shared window engine) on the same generated city stream, in one run, parallelism 2, no Kafka, no
 * InfluxDB: records held in memory, decoded, served by bounded sources (one contiguous,
 * time-ordered range per reader). Records per second from submission to the end of the job (every
 * window fired). Run with scripts/bench-mobility.
 */
public final class MobilityJobBenchmark {

    /** The records of each kind, for the source readers in this JVM. */
    private static final Map<Integer, List<SpecificRecord>> RECORDS = new HashMap<>();

    /** When a source reader served the first record of the current run (job start left out). */
    private static final AtomicLong FIRST_RECORD = new AtomicLong();

    private MobilityJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GeneratedStream stream =
                GeneratedStream.generate(
                        Files.createTempDirectory("mobility-bench"),
                        "--events",
                        String.valueOf(events),
                        "--sensors",
                        "2000",
                        "--start",
                        "2024-05-01T00:00:00Z",
                        "--seed",
                        "7");
        for (SpecificRecord record : stream.decoded()) {
            RECORDS.computeIfAbsent(EventKind.of(record.getClass()).index(), k -> new ArrayList<>())
                    .add(record);
        }
        long mobility = count(MobilityJob.READS);
        long airQuality = count(AirQualityJob.READS);
        System.out.printf(
                "stream: %,d mobility records, %,d air-quality records%n", mobility, airQuality);
        for (int round = 1; round <= rounds; round++) {
            double mobilityRate = mobility / run(MobilityJob.READS, "mobility");
            double airQualityRate = airQuality / run(AirQualityJob.READS, "air-quality");
            System.out.printf(
                    "round %d: mobility job %,.0f records/s, air-quality job %,.0f records/s,"
                            + " mobility / air quality %.2f%n",
                    round, mobilityRate, airQualityRate, mobilityRate / airQualityRate);
        }
    }

    private static long count(List<EventKind<?>> kinds) {
        return kinds.stream()
                .mapToLong(k -> RECORDS.getOrDefault(k.index(), List.of()).size())
                .sum();
    }

    /** Seconds from the first record served to the end of the job (every window fired). */
    private static double run(List<EventKind<?>> kinds, String job) throws Exception {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(5));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Inputs inputs = Inputs.none();
        kinds.forEach(kind -> add(inputs, kind));
        Rejects rejects =
                new Rejects(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>());
        if (job.equals("mobility")) {
            new MobilityJob(
                            inputs,
                            new MobilityJob.Outputs(new DiscardingSink<>(), rejects),
                            config)
                    .build(env);
        } else {
            new AirQualityJob(
                            inputs,
                            new AirQualityJob.Outputs(
                                    new DiscardingSink<>(),
                                    new DiscardingSink<>(),
                                    new DiscardingSink<>(),
                                    rejects),
                            config)
                    .build(env);
        }
        FIRST_RECORD.set(0);
        env.execute("benchmark-" + job);
        return (System.nanoTime() - FIRST_RECORD.get()) / 1e9;
    }

    private static <T extends SpecificRecord> void add(Inputs inputs, EventKind<T> kind) {
        int size = RECORDS.getOrDefault(kind.index(), List.of()).size();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeInformation<Decoded<T>> type = (TypeInformation) TypeInformation.of(Decoded.class);
        inputs.with(kind, new DataGeneratorSource<>(new Records<>(kind.index()), size, type));
    }

    /**
     * Serves the in-memory records of one kind, in time order; each reader gets a contiguous range.
     */
    private static final class Records<T> implements GeneratorFunction<Long, Decoded<T>> {
        private static final long serialVersionUID = 1L;
        private final int kind;

        Records(int kind) {
            this.kind = kind;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Decoded<T> map(Long index) {
            if (FIRST_RECORD.get() == 0) {
                FIRST_RECORD.compareAndSet(0, System.nanoTime());
            }
            return Decoded.of((T) RECORDS.get(kind).get(index.intValue()));
        }
    }
}
