package io.invicta.jobs.cep;

import io.invicta.jobs.common.LateEvent;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import org.apache.avro.specific.SpecificRecord;

import java.util.HashMap;
import java.util.Map;

/** An event that reached the rules behind their watermark → a {@link LateEvent} in its original encoding. */
final class LateEvents {

    private final CepEventCodec codec;
    private final Map<Class<?>, AvroCodec<SpecificRecord>> encoders = new HashMap<>();

    LateEvents(CepEventCodec codec) {
        this.codec = codec;
    }

    @SuppressWarnings("unchecked")
    LateEvent of(CepEvent event, long watermark) {
        SpecificRecord record = codec.decode(event);
        AvroCodec<SpecificRecord> encoder = encoders.computeIfAbsent(record.getClass(),
                c -> (AvroCodec<SpecificRecord>) (AvroCodec<?>) Codecs.forType((Class<SpecificRecord>) c));
        return new LateEvent(event.vehicle != null ? event.vehicle : event.sensor, event.time, watermark,
                encoder.encode(record));
    }
}
