package io.invicta.jobs.mobility;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The options of {@link MobilityJob} of its own (it shares the rest: {@link
 * io.invicta.jobs.SharedOptions}).
 */
public final class MobilityOptions {

    public static final ConfigOption<Double> FREE_FLOW_SPEED =
            ConfigOptions.key("mobility.free-flow-speed")
                    .doubleType()
                    .defaultValue(50.0)
                    .withDescription(
                            "Free-flow speed (km/h) of traffic sensors without an override, for the"
                                    + " congestion index and the speed-based congestion test.");

    public static final ConfigOption<Map<String, String>> FREE_FLOW_SPEEDS =
            ConfigOptions.key("mobility.free-flow-speeds")
                    .mapType()
                    .defaultValue(Map.of())
                    .withDescription(
                            "Per-sensor free-flow speeds, km/h, as sensorId:kmh,sensorId:kmh.");

    public static final ConfigOption<Boolean> FREE_FLOW_LEARNED =
            ConfigOptions.key("mobility.free-flow-learned")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Learn the free-flow speed of each traffic sensor without a configured"
                                + " one as a high percentile (mobility.free-flow-percentile) of the"
                                + " speeds it has observed, once it has"
                                + " mobility.free-flow-min-observations of them; until then"
                                + " mobility.free-flow-speed applies.");

    public static final ConfigOption<Double> FREE_FLOW_PERCENTILE =
            ConfigOptions.key("mobility.free-flow-percentile")
                    .doubleType()
                    .defaultValue(85.0)
                    .withDescription(
                            "Percentile (0-100] of a sensor's observed interval speeds taken as its"
                                + " learned free-flow speed (85: the speed traffic engineers call"
                                + " V85).");

    public static final ConfigOption<Integer> FREE_FLOW_MIN_OBSERVATIONS =
            ConfigOptions.key("mobility.free-flow-min-observations")
                    .intType()
                    .defaultValue(100)
                    .withDescription(
                            "Observed speeds a sensor needs before its learned free-flow speed is"
                                    + " used.");

    public static final ConfigOption<Double> MAX_VEHICLE_SPEED =
            ConfigOptions.key("mobility.max-vehicle-speed")
                    .doubleType()
                    .defaultValue(200.0)
                    .withDescription(
                            "GPS fixes implying a faster move (km/h) from the previous fix are"
                                    + " rejected as implausible jumps and counted.");

    public static final ConfigOption<Duration> VEHICLE_INACTIVITY =
            ConfigOptions.key("mobility.vehicle-inactivity")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "A vehicle without a fix for this long (event time) forgets its last"
                                    + " fix.");

    private MobilityOptions() {}

    /** The per-sensor free-flow speeds, checked: positive numbers only. */
    public static Map<String, Double> freeFlowSpeeds(ReadableConfig config) {
        Map<String, Double> speeds = new HashMap<>();
        config.get(FREE_FLOW_SPEEDS)
                .forEach(
                        (sensor, kmh) -> {
                            double v;
                            try {
                                v = Double.parseDouble(kmh.trim());
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(
                                        FREE_FLOW_SPEEDS.key()
                                                + ": "
                                                + sensor
                                                + " has no number: "
                                                + kmh,
                                        e);
                            }
                            if (!(v > 0)) {
                                throw new IllegalArgumentException(
                                        FREE_FLOW_SPEEDS.key()
                                                + ": "
                                                + sensor
                                                + " needs a positive speed");
                            }
                            speeds.put(sensor.trim(), v);
                        });
        return speeds;
    }

    static double freeFlowSpeed(ReadableConfig config) {
        double v = config.get(FREE_FLOW_SPEED);
        if (!(v > 0)) {
            throw new IllegalArgumentException(
                    FREE_FLOW_SPEED.key() + " must be positive, got " + v);
        }
        return v;
    }

    /** The learning settings, or null when free-flow speeds are not learned. */
    static FreeFlowLearning freeFlowLearning(ReadableConfig config) {
        return config.get(FREE_FLOW_LEARNED)
                ? new FreeFlowLearning(
                        config.get(FREE_FLOW_PERCENTILE), config.get(FREE_FLOW_MIN_OBSERVATIONS))
                : null;
    }
}
