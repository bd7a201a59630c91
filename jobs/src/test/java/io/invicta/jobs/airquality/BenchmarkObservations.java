package io.invicta.jobs.airquality;

import io.invicta.jobs.common.Decoded;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The benchmark's input: observation i of a reader is from sensor i mod 1000 (every sensor every 10 s, five
 * pollutants, no zone so the geohash of the location is used), as Avro single-object encoded bytes that are
 * decoded again with the job's codec, which is the Kafka source's work. Each of the two readers gets a contiguous
 * half of the index range, so time is derived from the index within the half (else one reader would run a day
 * ahead and every window would wait for the other).
 *
 * <p>The bytes stand for what Kafka would deliver, so they are written directly (sensor id and location
 * pre-encoded, the time and values appended) instead of through Avro's generic writer, which alone cost more
 * than half a microsecond a record and made the generator the bottleneck. {@link #open} checks that the bytes
 * are exactly what the codec writes.
 */
final class BenchmarkObservations implements GeneratorFunction<Long, Decoded<AirQualityObserved>> {

    static final int SENSORS = 1_000;
    private static final long BASE = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    private static final long serialVersionUID = 1L;

    /** System.nanoTime() of the first record of the current run (0: none yet); the MiniCluster runs in this JVM. */
    static final java.util.concurrent.atomic.AtomicLong FIRST_RECORD = new java.util.concurrent.atomic.AtomicLong();

    private final long perReader;
    private transient AvroCodec<AirQualityObserved> codec;
    private transient byte[][] prefixes; // header, id and location of each sensor
    private transient byte[] buffer;
    private transient byte[][] bySize; // a reused message array per length: no allocation per record

    BenchmarkObservations(long perReader) {
        this.perReader = perReader;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        codec = Codecs.forType(AirQualityObserved.class);
        byte[] header = Arrays.copyOf(codec.encode(record(0)), 10);
        prefixes = new byte[SENSORS][];
        for (int s = 0; s < SENSORS; s++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header);
            byte[] id = id(s).getBytes(StandardCharsets.UTF_8);
            writeLong(out, id.length);
            out.writeBytes(id);
            prefixes[s] = out.toByteArray();
        }
        buffer = new byte[256];
        bySize = new byte[256][];
        for (long i = 0; i < 3 * SENSORS; i += 7) {
            if (!Arrays.equals(encode(i).clone(), codec.encode(record(i)))) {
                throw new IllegalStateException("benchmark encoding differs from the codec's at " + i);
            }
        }
    }

    @Override
    public Decoded<AirQualityObserved> map(Long index) {
        if (index % perReader == 0) {
            FIRST_RECORD.compareAndSet(0, System.nanoTime());
        }
        // The Kafka source's work: bytes in, a decoded record out.
        return Decoded.of(((DecodeResult.Success<AirQualityObserved>) codec.decode(encode(index))).value());
    }

    private static String id(int sensor) {
        return "porto-aq-" + sensor;
    }

    private static int sensor(long index) {
        return (int) (index % SENSORS);
    }

    private long time(long index) {
        return BASE + index % perReader / SENSORS * 10_000L;
    }

    private static double value(long index) {
        return (index * 2_654_435_761L >>> 16) % 1000 / 10.0;
    }

    private static double lat(int sensor) {
        return 41.14 + sensor % 40 * 0.001;
    }

    private static double lon(int sensor) {
        return -8.69 + sensor / 40 * 0.005;
    }

    /** The observation {@link #encode} writes, built the ordinary way. */
    private AirQualityObserved record(long index) {
        int s = sensor(index);
        double v = value(index);
        return AirQualityObserved.newBuilder().setId(id(s)).setDateObserved(Instant.ofEpochMilli(time(index)))
                .setLocation(new GeoPoint(lat(s), lon(s))).setZone(null)
                .setNo2(v).setPm10(v / 2).setPm25(v / 4).setO3(100 - v / 2).setSo2(v / 10).build();
    }

    /** Schema order: id, dateObserved, location{lat, lon}, zone, no2, no, nox, pm10, pm25, o3, so2, co. */
    private byte[] encode(long index) {
        int s = sensor(index);
        double v = value(index);
        byte[] prefix = prefixes[s];
        System.arraycopy(prefix, 0, buffer, 0, prefix.length);
        int at = varLong(buffer, prefix.length, time(index));
        at = putDouble(buffer, at, lat(s));
        at = putDouble(buffer, at, lon(s));
        buffer[at++] = 0;                               // zone: null
        at = present(buffer, at, v);                    // no2
        buffer[at++] = 0;                               // no
        buffer[at++] = 0;                               // nox
        at = present(buffer, at, v / 2);                // pm10
        at = present(buffer, at, v / 4);                // pm25
        at = present(buffer, at, 100 - v / 2);          // o3
        at = present(buffer, at, v / 10);               // so2
        buffer[at++] = 0;                               // co
        byte[] message = bySize[at];
        if (message == null) {
            message = bySize[at] = new byte[at];
        }
        System.arraycopy(buffer, 0, message, 0, at);
        return message;
    }

    private static int present(byte[] b, int at, double value) {
        b[at] = 2; // union branch 1 (double), zig-zag encoded
        return putDouble(b, at + 1, value);
    }

    private static int putDouble(byte[] b, int at, double value) {
        long bits = Double.doubleToLongBits(value);
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (bits >>> (8 * i));
        }
        return at + 8;
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

    private static void writeLong(ByteArrayOutputStream out, long value) {
        byte[] b = new byte[10];
        out.write(b, 0, varLong(b, 0, value));
    }
}
