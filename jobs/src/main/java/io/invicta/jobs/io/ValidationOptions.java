package io.invicta.jobs.io;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * Options of the input validation every job applies in its sources (the checks are the event
 * kinds').
 */
public final class ValidationOptions {

    public static final ConfigOption<Duration> MAX_FUTURE =
            ConfigOptions.key("validation.max-future")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Observations dated further than this ahead of the wall clock are"
                                    + " dead-lettered.");

    private ValidationOptions() {}
}
