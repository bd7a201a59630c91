package io.invicta.tools.generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to generate: entity counts, intervals, event-time span, limits, pacing, seed and anomalies.
 */
final class GeneratorConfig {

    static final long UNBOUNDED = -1;
    static final long DEFAULT_PLANNING_SPAN_MS = Duration.ofHours(24).toMillis();

    long seed = 42;
    long startMs;

    /** Event-time span, ms; {@link #UNBOUNDED} for none. */
    long durationMs = UNBOUNDED;

    /** Records to write (duplicates and corrupt records included); {@link #UNBOUNDED} for none. */
    long maxEvents = UNBOUNDED;

    /** Events per second (wall clock); 0 = as fast as possible. */
    double rate;

    double busShare = 0.3;
    final EnumMap<EventType, Integer> counts = new EnumMap<>(EventType.class);
    final EnumMap<EventType, Long> intervalsMs = new EnumMap<>(EventType.class);
    final List<String> anomalies = new ArrayList<>();

    GeneratorConfig() {
        for (EventType t : EventType.ALL) {
            intervalsMs.put(t, t.defaultInterval().toMillis());
            counts.put(t, 0);
        }
    }

    /**
     * {@code sensors} split over the sensor types by their share (each at least 1), plus the
     * vehicles.
     */
    GeneratorConfig split(int sensors, int vehicles) {
        int sum = 0;
        for (EventType t : EventType.ALL) {
            if (t != EventType.VEHICLE_POSITIONS) {
                int n = Math.max(1, sensors * t.sensorShare() / 100);
                counts.put(t, n);
                sum += n;
            }
        }
        counts.merge(EventType.TRAFFIC_FLOW, sensors - sum, Integer::sum);
        counts.put(EventType.VEHICLE_POSITIONS, vehicles);
        return this;
    }

    GeneratorConfig counts(Map<EventType, Integer> overrides) {
        counts.putAll(overrides);
        return this;
    }

    /** Events per event-time millisecond, all types together. */
    double eventsPerMs() {
        double perMs = 0;
        for (EventType t : EventType.ALL) {
            perMs += counts.get(t) / (double) intervalsMs.get(t);
        }
        return perMs;
    }

    /**
     * The event-time span anomalies are placed in: --duration, else what --events covers, else 24
     * h.
     */
    long planningSpanMs() {
        if (durationMs != UNBOUNDED) {
            return durationMs;
        }
        if (maxEvents != UNBOUNDED && eventsPerMs() > 0) {
            return (long) (maxEvents / eventsPerMs());
        }
        return DEFAULT_PLANNING_SPAN_MS;
    }

    void validate() {
        for (EventType t : EventType.ALL) {
            if (counts.get(t) < 0) {
                throw new IllegalArgumentException("negative count for " + t.topic());
            }
            if (intervalsMs.get(t) <= 0) {
                throw new IllegalArgumentException(
                        "interval of " + t.topic() + " must be positive");
            }
        }
        if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("nothing to generate: every entity count is 0");
        }
        if (rate < 0 || busShare < 0 || busShare > 1) {
            throw new IllegalArgumentException("--rate must be >= 0 and --bus-share in [0, 1]");
        }
    }
}
