package io.invicta.tools.generate;

import io.invicta.schemas.EventKind;

import java.time.Duration;
import java.util.Locale;

/**
 * How the generator produces each catalogued event kind ({@link EventKind}): id prefix, default
 * reporting interval and share of {@code --sensors}. The topic is the kind's.
 */
enum EventType {
    AIR_QUALITY(EventKind.AIR_QUALITY, "aq", Duration.ofSeconds(60), 10),
    NOISE(EventKind.NOISE, "noise", Duration.ofSeconds(60), 15),
    WEATHER(EventKind.WEATHER, "weather", Duration.ofSeconds(300), 2),
    TRAFFIC_FLOW(EventKind.TRAFFIC_FLOW, "traffic", Duration.ofSeconds(60), 35),
    PARKING(EventKind.PARKING, "parking", Duration.ofSeconds(120), 25),
    BIKE_STATIONS(EventKind.BIKE_STATIONS, "bikes", Duration.ofSeconds(120), 13),
    /** Taxis and buses; not part of {@code --sensors} but of {@code --vehicles}. */
    VEHICLE_POSITIONS(EventKind.VEHICLE_POSITIONS, null, Duration.ofSeconds(15), 0);

    static final EventType[] ALL = values();

    private final EventKind<?> kind;
    private final String idPrefix;
    private final Duration defaultInterval;
    private final int sensorShare;

    EventType(EventKind<?> kind, String idPrefix, Duration defaultInterval, int sensorShare) {
        this.kind = kind;
        this.idPrefix = idPrefix;
        this.defaultInterval = defaultInterval;
        this.sensorShare = sensorShare;
    }

    EventKind<?> kind() {
        return kind;
    }

    /** The Kafka topic: the kind's default topic (docs/TOPICS.md). */
    String topic() {
        return kind.defaultTopic();
    }

    /** The generator's entry for a kind. */
    static EventType of(EventKind<?> kind) {
        for (EventType t : ALL) {
            if (t.kind == kind) {
                return t;
            }
        }
        throw new IllegalStateException("the generator has no entry for event kind " + kind);
    }

    /**
     * Middle part of the entity ids ({@code porto-<prefix>-00042}); null for vehicles (taxi/bus).
     */
    String idPrefix() {
        return idPrefix;
    }

    Duration defaultInterval() {
        return defaultInterval;
    }

    /** Percentage of {@code --sensors} given to this type. */
    int sensorShare() {
        return sensorShare;
    }

    /**
     * Accepts the topic name ({@code air-quality}), the id prefix ({@code aq}) or the enum name.
     */
    static EventType parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (EventType t : ALL) {
            if (t.kind.name().equals(n)
                    || n.equals(t.idPrefix)
                    || t.name().toLowerCase(Locale.ROOT).equals(n)
                    || (t == VEHICLE_POSITIONS && (n.equals("vehicles") || n.equals("vehicle")))) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown event type '" + name + "' (use a topic name, e.g. air-quality)");
    }
}
