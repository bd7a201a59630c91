package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link CepEvent} payloads are the events as they arrived from Kafka (Avro single-object encoding:
 * the writer schema's fingerprint and the binary record), not a new encoding: the job decodes each
 * record once in the source (for validation, routing and zoning) and once more where a rule
 * operator hands it to Esper, and never encodes it. Late events leave with the same bytes. Codecs
 * are reused, so an instance belongs to one thread (one operator).
 */
public final class CepEventCodec {

    private final List<AvroCodec<SpecificRecord>> codecs = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public CepEventCodec() {
        for (EventKind<?> kind : EventKind.all()) {
            codecs.add((AvroCodec<SpecificRecord>) (AvroCodec<?>) Codecs.forType(kind.type()));
        }
    }

    /** The event's kind index ({@link EventKind#index()}), as {@link CepEvent#type} holds it. */
    @SuppressWarnings("unchecked")
    public static int typeIndex(Class<?> type) {
        return EventKind.of((Class<? extends SpecificRecord>) type).index();
    }

    /**
     * The event with its routing keys; {@code message} is the record's single-object encoding as it
     * arrived and {@code zone} the zone rules will see (the event's own, or resolved).
     */
    public static CepEvent event(SpecificRecord record, byte[] message, String zone) {
        String vehicle = record instanceof VehiclePosition v ? v.getVehicleId() : null;
        return new CepEvent(
                EventTypes.eventTimeOf(record),
                typeIndex(record.getClass()),
                EventTypes.idOf(record),
                zone,
                vehicle,
                message);
    }

    /**
     * {@link #event} for a record that did not arrive as bytes (tests, generators): encoded here.
     */
    public CepEvent encode(SpecificRecord record, String zone) {
        return event(record, codecs.get(typeIndex(record.getClass())).encode(record), zone);
    }

    /** The Avro record again, its zone set for rules that correlate by zone. */
    public SpecificRecord decode(CepEvent event) {
        DecodeResult<SpecificRecord> result = codecs.get(event.type).decode(event.payload);
        if (!(result instanceof DecodeResult.Success<SpecificRecord> success)) {
            throw new IllegalStateException(
                    "corrupt CEP payload of type "
                            + EventKind.all().get(event.type).typeName()
                            + ": "
                            + result);
        }
        SpecificRecord record = success.value();
        if (event.zone != null) {
            EventTypes.setZoneIfAbsent(record, event.zone);
        }
        return record;
    }
}
