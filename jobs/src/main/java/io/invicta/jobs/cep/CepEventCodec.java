package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.rules.HourlyForm;
import io.invicta.rules.RuleRuntime;
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

    /** Type names by {@link CepEvent#type}: the observation types, then their hourly forms. */
    private static final List<String> NAMES = List.copyOf(EventTypes.readable().keySet());

    private final List<AvroCodec<SpecificRecord>> codecs = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public CepEventCodec() {
        for (Class<? extends SpecificRecord> type : EventTypes.readable().values()) {
            codecs.add((AvroCodec<SpecificRecord>) (AvroCodec<?>) Codecs.forType(type));
        }
    }

    /** The event type name rules read the event as. */
    public static String typeName(CepEvent event) {
        return NAMES.get(event.type);
    }

    /** The {@link CepEvent#type} of a type name rules read ({@link EventTypes#readable()}). */
    public static int typeIndex(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no event type " + name);
        }
        return index;
    }

    /**
     * When the event is complete: its time, or for an hourly form (released at the last millisecond
     * of its hour) the end of its hour.
     */
    public static long completeAt(CepEvent event) {
        return event.type >= EventKind.all().size() ? event.time + 1 : event.time;
    }

    /** The hourly form {@code record} of {@code form}, as an event for the rules. */
    public CepEvent hourly(
            HourlyForm form, String sensor, String zone, SpecificRecord record, long time) {
        int type = typeIndex(form.name());
        return new CepEvent(time, type, sensor, zone, null, codecs.get(type).encode(record));
    }

    /** Sends the event to the rules, as its type, at its time. */
    public void send(RuleRuntime runtime, CepEvent event) {
        send(runtime, event, true);
    }

    /**
     * See {@link RuleRuntime#send(String, org.apache.avro.specific.SpecificRecord, long, boolean)}.
     */
    public void send(RuleRuntime runtime, CepEvent event, boolean windowRecovered) {
        runtime.send(typeName(event), decode(event), event.time, windowRecovered);
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
                    "corrupt CEP payload of type " + typeName(event) + ": " + result);
        }
        SpecificRecord record = success.value();
        if (event.zone != null) {
            EventTypes.setZoneIfAbsent(record, event.zone);
        }
        return record;
    }
}
