package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

import java.nio.file.Path;

/** The options of {@link AirQualityJob} of its own: the EEA index's table and data coverage. */
public final class AirQualityOptions {

    public static final ConfigOption<String> EAQI_TABLE =
            ConfigOptions.key("air-quality.eaqi-table")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A file with another EEA index band table, in the format of the shipped"
                                + " one (io/invicta/domain/eaqi-bands.properties: a version and"
                                + " five upper limits per pollutant), read when the job is built."
                                + " Unset: the shipped table (EEA, 2021 revision).");

    public static final ConfigOption<Integer> PM_MIN_HOURS =
            ConfigOptions.key("air-quality.pm-min-hours")
                    .intType()
                    .defaultValue(18)
                    .withDescription(
                            "Hours of the 24 with a PM value that a 24-hour running mean needs (the"
                                    + " EEA asks for 75 %: 18). An hour with fewer has no PM in its"
                                    + " index.");

    private AirQualityOptions() {}

    /** The configured band table, or the shipped one. */
    static Eaqi eaqi(ReadableConfig config) {
        return config.getOptional(EAQI_TABLE)
                .map(f -> Eaqi.read(Path.of(f)))
                .orElseGet(Eaqi::shipped);
    }

    /** The PM coverage, checked: 1 to 24 hours. */
    static int pmMinHours(ReadableConfig config) {
        int hours = config.get(PM_MIN_HOURS);
        if (hours < 1 || hours > 24) {
            throw new IllegalArgumentException(PM_MIN_HOURS.key() + " must be 1..24, got " + hours);
        }
        return hours;
    }
}
