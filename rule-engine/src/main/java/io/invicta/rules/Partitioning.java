package io.invicta.rules;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a rule module correlates events by. Events are routed by it, so that the parallel instance
 * running a module sees every event its rules correlate; city-wide modules run at parallelism 1.
 * The alert's partition key is the value of the output column of the same name ({@code zone},
 * {@code sensor}, {@code vehicle}).
 */
public enum Partitioning {
    /** The observation's {@code zone} (set from the location when the sensor sends none). */
    ZONE,
    /** The observing device's {@code id} (for vehicle positions: the vehicle). */
    SENSOR,
    /** A vehicle's {@code vehicleId}. */
    VEHICLE,
    /** All events together: one instance. */
    CITY;

    /**
     * The name used in rule files ({@code @Tag(name='partition', value='zone')}) and as the output
     * column.
     */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Partitioning fromTag(String value) {
        for (Partitioning p : values()) {
            if (p.tagValue().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown partition '"
                        + value
                        + "' (one of "
                        + Arrays.stream(values()).map(Partitioning::tagValue).toList()
                        + ")");
    }
}
