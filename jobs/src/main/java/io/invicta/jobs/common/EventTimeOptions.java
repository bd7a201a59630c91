package io.invicta.jobs.common;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/** Event-time options shared by the jobs. */
public final class EventTimeOptions {

    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS = ConfigOptions
            .key("event-time.max-out-of-orderness").durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("How far behind the newest event time of a partition an event may arrive and still "
                    + "count in its window.");

    public static final ConfigOption<Duration> IDLENESS = ConfigOptions.key("event-time.idleness")
            .durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("A Kafka partition without records for this long stops holding back the watermark.");

    private EventTimeOptions() {
    }
}
