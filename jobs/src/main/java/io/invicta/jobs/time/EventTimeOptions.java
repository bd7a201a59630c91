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

    public static final ConfigOption<Duration> ALIGNMENT_MAX_DRIFT =
            ConfigOptions.key("event-time.alignment.max-drift")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How far a job's source (and each Kafka partition) may read ahead of"
                                + " its slowest one, in event time, before it pauses for the others"
                                + " to catch up (Flink's watermark alignment). Without it a job"
                                + " reading a backlog of several topics holds everything the fast"
                                + " topics read until the slowest has caught up: the rules job"
                                + " buffers events until the watermark passes them. 0 turns"
                                + " alignment off.");

    public static final ConfigOption<Duration> ALIGNMENT_UPDATE_INTERVAL =
            ConfigOptions.key("event-time.alignment.update-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription(
                            "How often a job's sources tell each other how far they have read. A"
                                + " source that reached the slowest one's last reported time plus"
                                + " the max drift waits for the next report: catching up a backlog,"
                                + " the sources advance at most about twice the drift per interval"
                                + " (20 minutes of event time per second by default).");

    private EventTimeOptions() {}
}
