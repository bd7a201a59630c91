package io.invicta.schemas;

import io.invicta.schemas.validation.AirQualityValidator;
import io.invicta.schemas.validation.Anomalies;
import io.invicta.schemas.validation.Anomaly;
import io.invicta.schemas.validation.AnomalyScreen;
import io.invicta.schemas.validation.MobilityValidators;
import io.invicta.schemas.validation.NoiseValidator;
import io.invicta.schemas.validation.Plausibility;
import io.invicta.schemas.validation.Validator;
import io.invicta.schemas.validation.WeatherValidator;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The catalogue of Invicta's sensor event types: the one place that says which kinds of events
 * exist, with each one's Avro class, default Kafka topic, record key, event time and validation.
 * The codec, the topics, the jobs, the rule engine and the generator all read it, so an eighth type
 * is one entry here plus its schema (docs/EVENT-TYPES.md gives every step, and {@code
 * EventCatalogueTest} fails on a step left out).
 *
 * <p>An instance serializes as its index, so operators may hold one as a field.
 */
public final class EventKind<T extends SpecificRecord> implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    public static final EventKind<AirQualityObserved> AIR_QUALITY =
            new EventKind<>(
                    0,
                    "air-quality",
                    AirQualityObserved.class,
                    "id",
                    AirQualityObserved::getId,
                    AirQualityObserved::getDateObserved,
                    AirQualityValidator::new,
                    p -> List.of());
    public static final EventKind<NoiseLevelObserved> NOISE =
            new EventKind<>(
                    1,
                    "noise",
                    NoiseLevelObserved.class,
                    "id",
                    NoiseLevelObserved::getId,
                    NoiseLevelObserved::getDateObserved,
                    NoiseValidator::new,
                    Anomalies::noise);
    public static final EventKind<WeatherObserved> WEATHER =
            new EventKind<>(
                    2,
                    "weather",
                    WeatherObserved.class,
                    "id",
                    WeatherObserved::getId,
                    WeatherObserved::getDateObserved,
                    WeatherValidator::new,
                    Anomalies::weather);
    public static final EventKind<TrafficFlowObserved> TRAFFIC_FLOW =
            new EventKind<>(
                    3,
                    "traffic-flow",
                    TrafficFlowObserved.class,
                    "id",
                    TrafficFlowObserved::getId,
                    TrafficFlowObserved::getDateObserved,
                    MobilityValidators.Traffic::new,
                    p -> List.of());
    public static final EventKind<OnStreetParking> PARKING =
            new EventKind<>(
                    4,
                    "parking",
                    OnStreetParking.class,
                    "id",
                    OnStreetParking::getId,
                    OnStreetParking::getDateObserved,
                    MobilityValidators.Parking::new,
                    Anomalies::parking);
    public static final EventKind<BikeHireDockingStation> BIKE_STATIONS =
            new EventKind<>(
                    5,
                    "bike-stations",
                    BikeHireDockingStation.class,
                    "id",
                    BikeHireDockingStation::getId,
                    BikeHireDockingStation::getDateObserved,
                    MobilityValidators.Bikes::new,
                    Anomalies::bikes);

    /** Keyed by vehicle, so one vehicle's positions stay in order on one partition. */
    public static final EventKind<VehiclePosition> VEHICLE_POSITIONS =
            new EventKind<>(
                    6,
                    "vehicle-positions",
                    VehiclePosition.class,
                    "vehicleId",
                    VehiclePosition::getVehicleId,
                    VehiclePosition::getDateObserved,
                    MobilityValidators.Vehicles::new,
                    p -> List.of());

    /**
     * Every kind, in index order. The index is part of the rules job's state (a buffered event
     * records its kind's index): append new kinds at the end, never reorder.
     */
    private static final List<EventKind<?>> ALL =
            List.of(
                    AIR_QUALITY,
                    NOISE,
                    WEATHER,
                    TRAFFIC_FLOW,
                    PARKING,
                    BIKE_STATIONS,
                    VEHICLE_POSITIONS);

    /** A serializable accessor of a record's field. */
    @FunctionalInterface
    public interface Accessor<T, R> extends Function<T, R>, Serializable {}

    private final int index;
    private final transient String name;
    private final transient Class<T> type;
    private final transient String keyField;
    private final transient Accessor<T, CharSequence> key;
    private final transient Accessor<T, Instant> eventTime;
    private final transient Function<Duration, Validator<T>> validation;
    private final transient Function<Plausibility, List<Anomaly<T>>> anomalies;

    private EventKind(
            int index,
            String name,
            Class<T> type,
            String keyField,
            Accessor<T, CharSequence> key,
            Accessor<T, Instant> eventTime,
            Function<Duration, Validator<T>> validation,
            Function<Plausibility, List<Anomaly<T>>> anomalies) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.keyField = keyField;
        this.key = key;
        this.eventTime = eventTime;
        this.validation = validation;
        this.anomalies = anomalies;
    }

    /** Every kind, in index order. */
    public static List<EventKind<?>> all() {
        return ALL;
    }

    /**
     * The kind of a name ({@code air-quality}) or an Avro type name ({@code AirQualityObserved}).
     */
    public static EventKind<?> named(String name) {
        String n = name.strip();
        for (EventKind<?> kind : ALL) {
            if (kind.name.equals(n.toLowerCase(Locale.ROOT)) || kind.typeName().equals(n)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown event type '"
                        + name
                        + "'; known: "
                        + ALL.stream().map(EventKind::name).toList());
    }

    /** The kind whose Avro class is {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> EventKind<T> of(Class<T> type) {
        for (EventKind<?> kind : ALL) {
            if (kind.type == type) {
                return (EventKind<T>) kind;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not an Invicta event type");
    }

    /** Position in {@link #all()}. */
    public int index() {
        return index;
    }

    /**
     * The kind's name, lower case with hyphens; also its default topic and its topic option's
     * suffix.
     */
    public String name() {
        return name;
    }

    /** The topic the kind's records are written to unless configured otherwise. */
    public String defaultTopic() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The Avro record name ({@code AirQualityObserved}): also the event type name in rules. */
    public String typeName() {
        return type.getSimpleName();
    }

    /** The current schema (the reader schema of every job). */
    public Schema schema() {
        return SpecificData.get().getSchema(type);
    }

    /**
     * The field whose value is the Kafka record key (UTF-8): the entity, so each one's records stay
     * ordered.
     */
    public String keyField() {
        return keyField;
    }

    /** The record's Kafka key as text. */
    public String key(T record) {
        return key.apply(record).toString();
    }

    /** The record's event time ({@code dateObserved}). */
    public Instant eventTime(T record) {
        return eventTime.apply(record);
    }

    /**
     * The checks of a decoded record: physical ranges, a WGS84 location, no event time beyond
     * {@code maxFuture}.
     */
    public Validator<T> validator(Duration maxFuture) {
        return validation.apply(maxFuture);
    }

    /**
     * The anomaly checks of a valid record (implausible but real values: counts above capacity,
     * no-data sentinels, readings outside the city's climate), with their policies.
     */
    public AnomalyScreen<T> anomalies(Plausibility plausibility) {
        return new AnomalyScreen<>(anomalies.apply(plausibility));
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        return ALL.get(index);
    }

    @Override
    public String toString() {
        return name;
    }
}
