package io.invicta.jobs.time;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/** Event-time options shared by the jobs. */
public final class EventTimeOptions {

    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS =
            ConfigOptions.key("event-time.max-out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How far behind the newest event time of a partition an event may"
                                    + " arrive and still count in its window.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("event-time.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A Kafka partition without records for this long stops holding back the"
                                    + " watermark.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("event-time.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "How long after its end (in event time) a window still accepts late"
                                + " events; each one rewrites the window's result (same InfluxDB"
                                + " point). Later events go to the late-events topic.");

    private EventTimeOptions() {}
}
