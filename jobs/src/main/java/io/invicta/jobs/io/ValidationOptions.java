package io.invicta.jobs.io;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;

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

    /** Far above any sensor's record (a few hundred bytes), far below Kafka's 1 MiB default. */
    public static final ConfigOption<MemorySize> MAX_MESSAGE_SIZE =
            ConfigOptions.key("validation.max-message-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("64kb"))
                    .withDescription(
                            "Messages longer than this are dead-lettered (reason OVERSIZED) without"
                                    + " being decoded.");

    /** {@link #MAX_MESSAGE_SIZE} in bytes, checked: from 1 byte to 1 GiB. */
    public static int maxMessageBytes(ReadableConfig config) {
        MemorySize size = config.get(MAX_MESSAGE_SIZE);
        if (size.getBytes() < 1 || size.getBytes() > MemorySize.ofMebiBytes(1024).getBytes()) {
            throw new IllegalArgumentException(
                    MAX_MESSAGE_SIZE.key() + " must be from 1b to 1gb, got " + size);
        }
        return (int) size.getBytes();
    }

    private ValidationOptions() {}
}
