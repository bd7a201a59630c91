package io.invicta.schemas.validation;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How implausible values are treated: a policy per {@link Check}, the temperature sentinels and the
 * city's climate range. Configured by the jobs' {@code anomaly.*} options.
 */
public record Plausibility(
        Map<Check, AnomalyPolicy> policies,
        List<Double> temperatureSentinels,
        double minTemperature,
        double maxTemperature)
        implements Serializable {

    /** Every anomaly check, with its default policy. */
    public enum Check {
        PARKING_OVER_CAPACITY(
                "parking-over-capacity",
                AnomalyPolicy.CLAMP,
                "a car park reports more cars than spaces (availableSpotNumber < 0, counting"
                        + " drift); clamp: 0 available (occupancy 100 %)"),
        PARKING_FREE_ABOVE_TOTAL(
                "parking-free-above-total",
                AnomalyPolicy.CLAMP,
                "a car park reports more free spaces than it has (availableSpotNumber >"
                        + " totalSpotNumber); clamp: all spaces free"),
        BIKES_ABOVE_CAPACITY(
                "bikes-above-capacity",
                AnomalyPolicy.CLAMP,
                "a bike station reports more bikes or free docks than docks; clamp: to the"
                        + " number of docks"),
        NOISE_ZERO_LEVEL(
                "noise-zero-level",
                AnomalyPolicy.REJECT,
                "LAeq exactly 0.0 dB(A): a sound level meter's no-data value (0 dB(A) is the"
                        + " threshold of hearing, never a street); clamp: the level is removed"),
        TEMPERATURE_SENTINEL(
                "temperature-sentinel",
                AnomalyPolicy.CLAMP,
                "temperature exactly one of anomaly.temperature-sentinels (a station's no-data"
                        + " value); clamp: the temperature is removed, the other variables kept"),
        TEMPERATURE_OUTSIDE_CLIMATE(
                "temperature-outside-climate",
                AnomalyPolicy.FLAG,
                "temperature outside anomaly.temperature-range, the city's climate; clamp: to"
                        + " the range");

        private final String label;
        private final AnomalyPolicy defaultPolicy;
        private final String description;

        Check(String label, AnomalyPolicy defaultPolicy, String description) {
            this.label = label;
            this.defaultPolicy = defaultPolicy;
            this.description = description;
        }

        /** The check's name in options, counters and the {@code check} tag. */
        public String label() {
            return label;
        }

        public AnomalyPolicy defaultPolicy() {
            return defaultPolicy;
        }

        public String description() {
            return description;
        }
    }

    /** Every check with its default policy, sentinel −50.0 °C, climate range −30..50 °C. */
    public static Plausibility defaults() {
        return new Plausibility(new EnumMap<>(Check.class), List.of(-50.0), -30, 50);
    }

    public Plausibility {
        policies = Map.copyOf(policies);
        temperatureSentinels = List.copyOf(temperatureSentinels);
        if (!(minTemperature < maxTemperature)) {
            throw new IllegalArgumentException(
                    "the temperature range "
                            + minTemperature
                            + ".."
                            + maxTemperature
                            + " is empty");
        }
    }

    public AnomalyPolicy policy(Check check) {
        return policies.getOrDefault(check, check.defaultPolicy());
    }
}
