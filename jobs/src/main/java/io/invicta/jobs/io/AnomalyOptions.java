package io.invicta.jobs.io;

import io.invicta.schemas.validation.AnomalyPolicy;
import io.invicta.schemas.validation.Plausibility;
import io.invicta.schemas.validation.Plausibility.Check;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the anomaly checks every job applies to valid input (docs/DATA-QUALITY.md): a policy
 * per check ({@code anomaly.<check>}: reject, clamp or flag), the temperature sentinels and the
 * city's climate range.
 */
public final class AnomalyOptions {

    /** {@code anomaly.<check>} for every {@link Check}, with the check's default policy. */
    public static final List<ConfigOption<AnomalyPolicy>> POLICIES =
            Arrays.stream(Check.values()).map(AnomalyOptions::policyOption).toList();

    public static final ConfigOption<List<Double>> TEMPERATURE_SENTINELS =
            ConfigOptions.key("anomaly.temperature-sentinels")
                    .doubleType()
                    .asList()
                    .defaultValues(-50.0)
                    .withDescription(
                            "Temperatures (°C) that stations report when they have no reading;"
                                    + " separated by ';'.");

    public static final ConfigOption<Double> MIN_TEMPERATURE =
            ConfigOptions.key("anomaly.temperature-min")
                    .doubleType()
                    .defaultValue(-30.0)
                    .withDescription(
                            "Lowest plausible temperature (°C) of the city's climate; below is"
                                    + " the temperature-outside-climate anomaly.");

    public static final ConfigOption<Double> MAX_TEMPERATURE =
            ConfigOptions.key("anomaly.temperature-max")
                    .doubleType()
                    .defaultValue(50.0)
                    .withDescription(
                            "Highest plausible temperature (°C) of the city's climate; above is"
                                    + " the temperature-outside-climate anomaly.");

    private AnomalyOptions() {}

    private static ConfigOption<AnomalyPolicy> policyOption(Check check) {
        return ConfigOptions.key("anomaly." + check.label())
                .enumType(AnomalyPolicy.class)
                .defaultValue(check.defaultPolicy())
                .withDescription(
                        "What to do when " + check.description() + ": reject, clamp or flag.");
    }

    /** The configured policies, sentinels and range (an empty range stops the job). */
    public static Plausibility plausibility(ReadableConfig config) {
        Map<Check, AnomalyPolicy> policies = new EnumMap<>(Check.class);
        for (int i = 0; i < Check.values().length; i++) {
            policies.put(Check.values()[i], config.get(POLICIES.get(i)));
        }
        try {
            return new Plausibility(
                    policies,
                    config.get(TEMPERATURE_SENTINELS),
                    config.get(MIN_TEMPERATURE),
                    config.get(MAX_TEMPERATURE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    MIN_TEMPERATURE.key() + ", " + MAX_TEMPERATURE.key() + ": " + e.getMessage(),
                    e);
        }
    }
}
