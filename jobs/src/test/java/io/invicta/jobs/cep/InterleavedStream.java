package io.invicta.jobs.cep;

import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * Reader r of {@code readers} emits records r, r+readers, r+2·readers, … of the stream, so all
 * readers advance through event time together (the generator source gives each reader a contiguous
 * index range); each record is decoded from its bytes (as the Kafka deserializer does) and zoned. A
 * record that does not decode (the generator's corrupt anomaly) becomes {@link #CORRUPT} and is
 * filtered out (the job dead-letters it).
 */
public final class InterleavedStream implements GeneratorFunction<Long, CepEvent> {
    private static final long serialVersionUID = 1L;
    static final CepEvent CORRUPT = new CepEvent(Long.MIN_VALUE, -1, null, null, null, new byte[0]);
    private final long perReader;
    private final int readers;
    private transient Map<Class<?>, AvroCodec<SpecificRecord>> codecs;
    private transient ToCepEvent<SpecificRecord> toCep;

    /** {@code readers}: the source's parallelism; the stream's length must be a multiple of it. */
    InterleavedStream(long perReader, int readers) {
        this.perReader = perReader;
        this.readers = readers;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        codecs = new HashMap<>();
        toCep = new ToCepEvent<>(ZoneResolver.geohash(6));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CepEvent map(Long index) {
        int reader = (int) (index / perReader);
        int i = (int) (readers * (index % perReader) + reader);
        GeneratedStream stream = GeneratedStream.current;
        Class<? extends SpecificRecord> type = stream.types.get(i);
        AvroCodec<SpecificRecord> codec =
                codecs.computeIfAbsent(type, t -> (AvroCodec) Codecs.forType((Class) t));
        byte[] bytes = stream.encoded.get(i);
        return codec.decode(bytes) instanceof DecodeResult.Success<SpecificRecord> s
                ? toCep.of(s.value(), bytes)
                : CORRUPT;
    }
}
