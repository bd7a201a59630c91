package io.invicta.jobs.cep;

import io.invicta.cep.EventTypes;
import io.invicta.schemas.VehiclePosition;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Avro binary (no header: the type index says which schema) for {@link CepEvent} payloads. Readers, writers and
 * buffers are reused, so an instance belongs to one thread (one operator instance).
 */
public final class CepEventCodec {

    private static final List<Class<? extends SpecificRecord>> TYPES = new ArrayList<>(EventTypes.all().values());

    private final List<SpecificDatumWriter<SpecificRecord>> writers = new ArrayList<>();
    private final List<SpecificDatumReader<SpecificRecord>> readers = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    public CepEventCodec() {
        for (Class<? extends SpecificRecord> type : TYPES) {
            writers.add(new SpecificDatumWriter<>(SpecificData.get().getSchema(type)));
            readers.add(new SpecificDatumReader<>(SpecificData.get().getSchema(type)));
        }
    }

    public static int typeIndex(Class<?> type) {
        int index = TYPES.indexOf(type);
        if (index < 0) {
            throw new IllegalArgumentException("not a rule event type: " + type);
        }
        return index;
    }

    /** The event with its routing keys; {@code zone} is the zone rules will see (the event's own, or resolved). */
    public CepEvent encode(SpecificRecord record, String zone) {
        int type = typeIndex(record.getClass());
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        try {
            writers.get(type).write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String vehicle = record instanceof VehiclePosition v ? v.getVehicleId() : null;
        return new CepEvent(EventTypes.eventTimeOf(record), type, EventTypes.idOf(record), zone, vehicle,
                buffer.toByteArray());
    }

    /** The Avro record again, its zone set for rules that correlate by zone. */
    public SpecificRecord decode(CepEvent event) {
        decoder = DecoderFactory.get().binaryDecoder(event.payload, decoder);
        try {
            SpecificRecord record = readers.get(event.type).read(null, decoder);
            if (event.zone != null) {
                EventTypes.setZoneIfAbsent(record, event.zone);
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt CEP payload of type " + TYPES.get(event.type), e);
        }
    }
}
