package io.invicta.jobs.io;

import io.invicta.jobs.cep.CepEvent;
import io.invicta.jobs.cep.CepEventCodec;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What every job does per Kafka record before any window: the codec's decode alone, the source's
 * whole path ({@link AvroKafkaDeserializer}: size check, decode, validation, key check, duplicate
 * check, anomaly screen), and the rules operator's second decode of the same bytes ({@link
 * CepEventCodec#decode}). Input: air-quality readings of {@value #SENSORS} sensors, {@value
 * #READINGS} each, taken in turn, so no reading repeats within the {@link RecentReadings#KEPT} a
 * sensor's duplicate check remembers and every record is accepted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SourceDecodeBenchmark {

    static final int SENSORS = 1_000;
    static final int READINGS = 2 * RecentReadings.KEPT;

    private ConsumerRecord<byte[], byte[]>[] records;
    private CepEvent[] events;
    private AvroCodec<AirQualityObserved> codec;
    private AvroKafkaDeserializer<AirQualityObserved> deserializer;
    private CepEventCodec cepCodec;
    private final Last last = new Last();
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        codec = Codecs.forType(AirQualityObserved.class);
        cepCodec = new CepEventCodec();
        records = new ConsumerRecord[SENSORS * READINGS];
        events = new CepEvent[records.length];
        Random random = new Random(11);
        // Recent event times: the validator refuses readings from the far past or the future.
        long start = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
        for (int r = 0; r < READINGS; r++) {
            for (int s = 0; s < SENSORS; s++) {
                AirQualityObserved reading =
                        AirQualityObserved.newBuilder()
                                .setId("urn:ngsi-ld:AirQualityObserved:porto-" + s)
                                .setZone("zone-" + (s % 40))
                                .setDateObserved(Instant.ofEpochMilli(start + r * 60_000L))
                                .setLocation(new GeoPoint(41.15, -8.61))
                                .setNo2(20 + 60 * random.nextDouble())
                                .setPm10(10 + 30 * random.nextDouble())
                                .setPm25(5 + 20 * random.nextDouble())
                                .setO3(40 + 60 * random.nextDouble())
                                .build();
                byte[] bytes = codec.encode(reading);
                int i = r * SENSORS + s;
                records[i] =
                        new ConsumerRecord<>(
                                "air-quality",
                                0,
                                i,
                                reading.getId().getBytes(StandardCharsets.UTF_8),
                                bytes);
                events[i] = CepEventCodec.event(reading, bytes, reading.getZone());
            }
        }
        EventKind<AirQualityObserved> kind = EventKind.AIR_QUALITY;
        deserializer =
                new AvroKafkaDeserializer<>(
                        kind,
                        kind.validator(Duration.ofHours(1)),
                        kind.anomalies(AnomalyOptions.plausibility(new Configuration())),
                        ValidationOptions.maxMessageBytes(new Configuration()));
        deserializer.open(new StandaloneContext());
        // Every record must be accepted, or the benchmark measures the rejection path.
        Counted counted = new Counted();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            deserializer.deserialize(record, counted);
        }
        if (counted.accepted != records.length) {
            throw new IllegalStateException(
                    counted.accepted + " of " + records.length + " records accepted");
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == records.length ? 0 : i + 1;
        return i;
    }

    /** The codec alone: header, fingerprint, Avro's specific reader. */
    @Benchmark
    public Object codecDecode() {
        DecodeResult<AirQualityObserved> result = codec.decode(records[nextIndex()].value());
        return ((DecodeResult.Success<AirQualityObserved>) result).value();
    }

    /** What a job's Kafka source does per record. */
    @Benchmark
    public Decoded<AirQualityObserved> sourceDeserialize() {
        deserializer.deserialize(records[nextIndex()], last);
        return last.record;
    }

    /** The rules operator's decode of an event's bytes before handing it to Esper. */
    @Benchmark
    public Object rulesDecode() {
        return cepCodec.decode(events[nextIndex()]);
    }

    /** Keeps the last record collected: one collector for every call, no allocation per record. */
    private static final class Last implements Collector<Decoded<AirQualityObserved>> {
        Decoded<AirQualityObserved> record;

        @Override
        public void collect(Decoded<AirQualityObserved> record) {
            this.record = record;
        }

        @Override
        public void close() {}
    }

    private static final class Counted implements Collector<Decoded<AirQualityObserved>> {
        int accepted;

        @Override
        public void collect(Decoded<AirQualityObserved> record) {
            if (record.deadLetter() == null) {
                accepted++;
            }
        }

        @Override
        public void close() {}
    }
}
