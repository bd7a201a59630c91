package io.invicta.jobs.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Duration;
import java.time.ZoneId;

/** Options every metrics job shares: its windows and the city's time zone. */
public final class MetricsOptions {

    public static final ConfigOption<Duration> SHORT_WINDOW =
            ConfigOptions.key("windows.short")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Length of the short tumbling event-time window (measurements *_1m by"
                                    + " default).");

    public static final ConfigOption<Duration> LONG_WINDOW =
            ConfigOptions.key("windows.long")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Length of the long tumbling event-time window (measurements *_1h by"
                                    + " default).");

    public static final ConfigOption<String> CITY_TIME_ZONE =
            ConfigOptions.key("city.time-zone")
                    .stringType()
                    .defaultValue("Europe/Lisbon")
                    .withDescription(
                            "The city's time zone: local days, Lden periods and calendar years"
                                    + " follow it.");

    private MetricsOptions() {}

    public static ZoneId cityZone(ReadableConfig config) {
        return ZoneId.of(config.get(CITY_TIME_ZONE));
    }

    /**
     * The shorter of the two windows: the one whose lateness decides whether an event is late at
     * all.
     */
    public static Duration shortestWindow(ReadableConfig config) {
        Duration a = config.get(SHORT_WINDOW);
        Duration b = config.get(LONG_WINDOW);
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One aggregate per scope (sensor or zone) and window length. */
    @FunctionalInterface
    public interface ScopedWindows<R> {
        DataStream<R> of(boolean perSensor, Duration window);
    }

    /** The aggregate for sensors and zones, in the short and the long window, as one stream. */
    public static <R> DataStream<R> sensorsAndZones(
            ReadableConfig config, ScopedWindows<R> windows) {
        Duration shortWindow = config.get(SHORT_WINDOW);
        Duration longWindow = config.get(LONG_WINDOW);
        return windows.of(true, shortWindow)
                .union(
                        windows.of(true, longWindow),
                        windows.of(false, shortWindow),
                        windows.of(false, longWindow));
    }

    /**
     * A window length as a measurement suffix: 1m, 1h, 90s, 1d; windows are whole positive seconds.
     */
    public static String resolution(Duration window) {
        long seconds = window.getSeconds();
        if (seconds <= 0 || window.getNano() != 0) {
            throw new IllegalArgumentException("Windows are whole positive seconds, got " + window);
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
