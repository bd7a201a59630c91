package io.invicta.jobs.windows;

import io.invicta.jobs.io.Decoded;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.WeatherObserved;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's input for one observation type: observation i of a reader is from sensor i mod
 * {@code sensors} (every sensor once per {@code periodMs}, no zone so the geohash of the location
 * is used), as Avro single-object encoded bytes that are decoded again with the job's codec, which
 * is the Kafka source's work. Each of the two readers gets a contiguous half of the index range, so
 * time is derived from the index within the half (else one reader would run a day ahead and every
 * window would wait for the other).
 *
 * <p>The bytes stand for what Kafka would deliver, so they are not produced by Avro's writer per
 * record (which alone cost more than half a microsecond a record and made the generator the
 * bottleneck): {@link #open} encodes {@link #VARIANTS} records per sensor with the codec, finds
 * their timestamps in the bytes, and each record is a copy of one of them with its own timestamps
 * written in. {@link #open} checks that the result is byte for byte what the codec writes.
 */
final class BenchmarkObservations<T extends SpecificRecord>
        implements GeneratorFunction<Long, Decoded<T>> {

    private static final long serialVersionUID = 1L;
    static final long BASE = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    /** Different values per sensor: each record is one of these, by its time step. */
    static final int VARIANTS = 4;

    /**
     * System.nanoTime() of the first record of the current run (0: none yet); the MiniCluster runs
     * in this JVM.
     */
    static final AtomicLong FIRST_RECORD = new AtomicLong();

    /** An observation type the benchmark generates, and its records. */
    enum Kind {
        AIR_QUALITY(AirQualityObserved.class, "porto-aq-"),
        NOISE(NoiseLevelObserved.class, "porto-noise-"),
        WEATHER(WeatherObserved.class, "porto-weather-");

        final Class<? extends SpecificRecord> type;
        final String prefix;

        Kind(Class<? extends SpecificRecord> type, String prefix) {
            this.type = type;
            this.prefix = prefix;
        }

        /**
         * The timestamp fields of a record at {@code time}, in schema order (noise: the interval's
         * start too).
         */
        long[] times(long time) {
            return this == NOISE
                    ? new long[] {time(0, time), time(1, time)}
                    : new long[] {time(0, time)};
        }

        /** Timestamp field {@code field} of a record at {@code time}. */
        long time(int field, long time) {
            return field == 0 ? time : time - 60_000;
        }

        SpecificRecord record(int sensor, int variant, long time) {
            String id = prefix + sensor;
            GeoPoint location =
                    new GeoPoint(41.14 + sensor % 40 * 0.001, -8.69 + sensor / 40 % 25 * 0.005);
            double v = (sensor * 31L + variant * 2_654_435_761L >>> 8) % 1000 / 10.0; // 0 – 99.9
            Instant at = Instant.ofEpochMilli(time);
            return switch (this) {
                case AIR_QUALITY ->
                        AirQualityObserved.newBuilder()
                                .setId(id)
                                .setDateObserved(at)
                                .setLocation(location)
                                .setZone(null)
                                .setNo2(v)
                                .setPm10(v / 2)
                                .setPm25(v / 4)
                                .setO3(100 - v / 2)
                                .setSo2(v / 10)
                                .build();
                case NOISE ->
                        NoiseLevelObserved.newBuilder()
                                .setId(id)
                                .setDateObserved(at)
                                .setLocation(location)
                                .setZone(null)
                                .setDateObservedFrom(Instant.ofEpochMilli(time - 60_000))
                                .setLAeq(40 + v / 3)
                                .setLAmax(55 + v / 3)
                                .setLAS(null)
                                .build();
                case WEATHER ->
                        WeatherObserved.newBuilder()
                                .setId(id)
                                .setDateObserved(at)
                                .setLocation(location)
                                .setZone(null)
                                .setTemperature(5 + v / 4)
                                .setRelativeHumidity(0.3 + v / 200)
                                .setAtmosphericPressure(1000 + v / 5)
                                .setWindSpeed(v / 10)
                                .setWindDirection(v * 3.6)
                                .setPrecipitation(v < 20 ? v / 20 : 0.0)
                                .build();
            };
        }
    }

    private final Kind kind;
    private final int sensors;
    private final long periodMs;
    private final long perReader;
    private transient AvroCodec<T> codec;
    private final boolean keepBytes;
    private transient byte[][][] templates; // [sensor][variant]: the encoded record at BASE
    private transient int[][][] timeAt; // [sensor][variant][time field]: where its varint starts
    private transient byte[][] messages; // a reused array per length: no allocation per record

    /**
     * {@code keepBytes}: each record also carries a copy of its bytes, as a Kafka record would (the
     * rules job keeps them); the windows' runs leave them out, as they always have.
     */
    BenchmarkObservations(
            Kind kind, int sensors, long periodMs, long perReader, boolean keepBytes) {
        this.keepBytes = keepBytes;
        this.kind = kind;
        this.sensors = sensors;
        this.periodMs = periodMs;
        this.perReader = perReader;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(SourceReaderContext readerContext) {
        codec = Codecs.forType((Class<T>) kind.type);
        long last = time(perReader - 1);
        for (long t : new long[] {BASE - 60_000, last}) {
            if (varLongLength(BASE) != varLongLength(t)) {
                throw new IllegalStateException(
                        "the run's timestamps do not all encode in the same length");
            }
        }
        templates = new byte[sensors][VARIANTS][];
        timeAt = new int[sensors][VARIANTS][];
        messages = new byte[512][];
        for (int s = 0; s < sensors; s++) {
            for (int v = 0; v < VARIANTS; v++) {
                byte[] bytes = codec.encode((T) kind.record(s, v, BASE));
                templates[s][v] = bytes;
                timeAt[s][v] = find(bytes, kind.times(BASE));
            }
        }
        for (long i = 0; i < perReader; i += Math.max(1, perReader / 997)) {
            if (!Arrays.equals(
                    encode(i).clone(),
                    codec.encode((T) kind.record(sensor(i), variant(i), time(i))))) {
                throw new IllegalStateException(
                        "benchmark encoding differs from the codec's at " + i);
            }
        }
    }

    /**
     * Where each timestamp's varint is in the bytes, each after the previous one (after the 10-byte
     * header).
     */
    private static int[] find(byte[] bytes, long[] times) {
        int[] at = new int[times.length];
        int from = 10;
        for (int f = 0; f < times.length; f++) {
            byte[] varint = new byte[10];
            int n = varLong(varint, 0, times[f]);
            at[f] = indexOf(bytes, Arrays.copyOf(varint, n), from);
            if (at[f] < 0) {
                throw new IllegalStateException(
                        "timestamp " + f + " not found in the encoded record");
            }
            from = at[f] + n;
        }
        return at;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Decoded<T> map(Long index) {
        if (index % perReader == 0) {
            FIRST_RECORD.compareAndSet(0, System.nanoTime());
        }
        // The Kafka source's work: bytes in, a decoded record out.
        byte[] bytes = encode(index);
        T value = ((DecodeResult.Success<T>) codec.decode(bytes)).value();
        return keepBytes ? Decoded.of(value, bytes.clone()) : Decoded.of(value);
    }

    private int sensor(long index) {
        return (int) (index % sensors);
    }

    private int variant(long index) {
        return (int) (index / sensors % VARIANTS);
    }

    private long time(long index) {
        return BASE + index % perReader / sensors * periodMs;
    }

    private byte[] encode(long index) {
        int s = sensor(index);
        int v = variant(index);
        byte[] template = templates[s][v];
        byte[] message = messages[template.length];
        if (message == null) {
            message = messages[template.length] = new byte[template.length];
        }
        System.arraycopy(template, 0, message, 0, template.length);
        long time = time(index);
        int[] at = timeAt[s][v];
        for (int f = 0; f < at.length; f++) {
            varLong(
                    message,
                    at[f],
                    kind.time(f, time)); // no array per record: this is the generator's hot path
        }
        return message;
    }

    private static int varLong(byte[] b, int at, long value) {
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            b[at++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        b[at++] = (byte) n;
        return at;
    }

    private static int varLongLength(long value) {
        return varLong(new byte[10], 0, value);
    }
}
