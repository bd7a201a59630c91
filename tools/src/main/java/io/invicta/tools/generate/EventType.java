package io.invicta.tools.generate;

import java.time.Duration;
import java.util.Locale;

/**
 * The event types the generator produces, with their Kafka topic (docs/TOPICS.md), id prefix, default reporting
 * interval and share of {@code --sensors}.
 */
enum EventType {
    AIR_QUALITY("air-quality", "aq", Duration.ofSeconds(60), 10),
    NOISE("noise", "noise", Duration.ofSeconds(60), 15),
    WEATHER("weather", "weather", Duration.ofSeconds(300), 2),
    TRAFFIC_FLOW("traffic-flow", "traffic", Duration.ofSeconds(60), 35),
    PARKING("parking", "parking", Duration.ofSeconds(120), 25),
    BIKE_STATIONS("bike-stations", "bikes", Duration.ofSeconds(120), 13),
    /** Taxis and buses; not part of {@code --sensors} but of {@code --vehicles}. */
    VEHICLE_POSITIONS("vehicle-positions", null, Duration.ofSeconds(15), 0);

    static final EventType[] ALL = values();

    private final String topic;
    private final String idPrefix;
    private final Duration defaultInterval;
    private final int sensorShare;

    EventType(String topic, String idPrefix, Duration defaultInterval, int sensorShare) {
        this.topic = topic;
        this.idPrefix = idPrefix;
        this.defaultInterval = defaultInterval;
        this.sensorShare = sensorShare;
    }

    /** The Kafka topic, as in docs/TOPICS.md. */
    String topic() {
        return topic;
    }

    /** Middle part of the entity ids ({@code porto-<prefix>-00042}); null for vehicles (taxi/bus). */
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

    /** Accepts the topic name ({@code air-quality}), the id prefix ({@code aq}) or the enum name. */
    static EventType parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (EventType t : ALL) {
            if (t.topic.equals(n) || n.equals(t.idPrefix) || t.name().toLowerCase(Locale.ROOT).equals(n)
                    || (t == VEHICLE_POSITIONS && (n.equals("vehicles") || n.equals("vehicle")))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "' (use a topic name, e.g. air-quality)");
    }
}
