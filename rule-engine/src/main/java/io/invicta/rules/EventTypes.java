package io.invicta.rules;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event types rules can use: the catalogued kinds ({@link EventKind}) as their Avro
 * SpecificRecord classes, under their own simple names, registered with Esper as bean types (no
 * conversion). Every one carries {@code id}, {@code dateObserved} (the event time), {@code
 * location} and an optional {@code zone}.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends SpecificRecord>> TYPES = new LinkedHashMap<>();

    /** The observation types, then their {@link HourlyForm hourly forms}. */
    private static final Map<String, Class<? extends SpecificRecord>> READABLE =
            new LinkedHashMap<>();

    static {
        for (EventKind<?> kind : EventKind.all()) {
            TYPES.put(kind.typeName(), kind.type());
        }
        READABLE.putAll(TYPES);
        for (HourlyForm form : HourlyForm.all()) {
            READABLE.put(form.name(), form.rawType());
        }
    }

    private EventTypes() {}

    /** Event type name → class, in a stable order. */
    public static Map<String, Class<? extends SpecificRecord>> all() {
        return Collections.unmodifiableMap(TYPES);
    }

    public static Set<String> names() {
        return TYPES.keySet();
    }

    /**
     * Every event type a rule can read, name → Avro class: the observation types ({@link #all()}),
     * then their hourly forms ({@link HourlyForm}), in a stable order (the rules job numbers events
     * by it).
     */
    public static Map<String, Class<? extends SpecificRecord>> readable() {
        return Collections.unmodifiableMap(READABLE);
    }

    public static long eventTimeOf(SpecificRecord event) {
        return dateObservedOf(event).toEpochMilli();
    }

    /** The event time, as the event catalogue reads it ({@link EventKind#eventTime}). */
    public static Instant dateObservedOf(SpecificRecord event) {
        return eventTime(EventKind.of(event.getClass()), event);
    }

    private static <T extends SpecificRecord> Instant eventTime(
            EventKind<T> kind, SpecificRecord event) {
        return kind.eventTime(kind.type().cast(event));
    }

    public static String idOf(SpecificRecord event) {
        return String.valueOf(event.get(position(event.getSchema(), "id")));
    }

    public static String zoneOf(SpecificRecord event) {
        Object zone = event.get(position(event.getSchema(), "zone"));
        return zone == null ? null : zone.toString();
    }

    public static GeoPoint locationOf(SpecificRecord event) {
        return (GeoPoint) event.get(position(event.getSchema(), "location"));
    }

    /** Sets the zone of an event that has none (rules and routing then see the same zone). */
    public static void setZoneIfAbsent(SpecificRecord event, String zone) {
        int pos = position(event.getSchema(), "zone");
        if (event.get(pos) == null) {
            event.put(pos, zone);
        }
    }

    private static int position(Schema schema, String field) {
        Schema.Field f = schema.getField(field);
        if (f == null) {
            throw new IllegalArgumentException(schema.getName() + " has no field " + field);
        }
        return f.pos();
    }
}
