package io.invicta.jobs.common;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;
import java.time.ZoneId;

/** Options every metrics job shares: its windows, zones, time zone and input validation. */
public final class MetricsOptions {

    public static final ConfigOption<Duration> SHORT_WINDOW = ConfigOptions.key("windows.short")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Length of the short tumbling event-time window (measurements *_1m by default).");

    public static final ConfigOption<Duration> LONG_WINDOW = ConfigOptions.key("windows.long")
            .durationType().defaultValue(Duration.ofHours(1))
            .withDescription("Length of the long tumbling event-time window (measurements *_1h by default).");

    public static final ConfigOption<Integer> GEOHASH_PRECISION = ConfigOptions.key("zones.geohash-precision")
            .intType().defaultValue(6)
            .withDescription("Geohash length of the zone of observations that carry no zone (6 ≈ 1.2 × 0.6 km), "
                    + "when no zones.geojson-file is given (or for points outside it with zones.outside: geohash).");

    public static final ConfigOption<String> ZONES_GEOJSON_FILE = ConfigOptions.key("zones.geojson-file")
            .stringType().noDefaultValue()
            .withDescription("Optional GeoJSON FeatureCollection of Polygon/MultiPolygon features (e.g. a city's "
                    + "parishes): an observation's zone is the name of the polygon containing it. Read and checked "
                    + "when the job is built, on the machine that submits it.");

    public static final ConfigOption<String> ZONES_GEOJSON_NAME_PROPERTY = ConfigOptions
            .key("zones.geojson-name-property").stringType().defaultValue("name")
            .withDescription("The feature property holding the zone name in zones.geojson-file.");

    public static final ConfigOption<String> ZONES_OUTSIDE = ConfigOptions.key("zones.outside")
            .stringType().defaultValue("outside")
            .withDescription("Zone of a point outside every polygon of zones.geojson-file: this fixed name (one "
                    + "series, bounded cardinality), or 'geohash' for its geohash cell (zones.geohash-precision).");

    public static final ConfigOption<String> CITY_TIME_ZONE = ConfigOptions.key("city.time-zone")
            .stringType().defaultValue("Europe/Lisbon")
            .withDescription("The city's time zone: local days, Lden periods and calendar years follow it.");

    public static final ConfigOption<Duration> MAX_FUTURE = ConfigOptions.key("validation.max-future")
            .durationType().defaultValue(Duration.ofHours(1))
            .withDescription("Observations dated further than this ahead of the wall clock are dead-lettered.");

    private MetricsOptions() {
    }

    public static ZoneId cityZone(org.apache.flink.configuration.ReadableConfig config) {
        return ZoneId.of(config.get(CITY_TIME_ZONE));
    }

    /** The shorter of the two windows: the one whose lateness decides whether an event is late at all. */
    public static Duration shortestWindow(org.apache.flink.configuration.ReadableConfig config) {
        Duration a = config.get(SHORT_WINDOW);
        Duration b = config.get(LONG_WINDOW);
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One aggregate per scope (sensor or zone) and window length. */
    @FunctionalInterface
    public interface ScopedWindows<R> {
        org.apache.flink.streaming.api.datastream.DataStream<R> of(boolean perSensor, Duration window);
    }

    /** The aggregate for sensors and zones, in the short and the long window, as one stream. */
    public static <R> org.apache.flink.streaming.api.datastream.DataStream<R> sensorsAndZones(
            org.apache.flink.configuration.ReadableConfig config, ScopedWindows<R> windows) {
        Duration shortWindow = config.get(SHORT_WINDOW);
        Duration longWindow = config.get(LONG_WINDOW);
        return windows.of(true, shortWindow).union(windows.of(true, longWindow), windows.of(false, shortWindow),
                windows.of(false, longWindow));
    }

    /** A window length as a measurement suffix: 1m, 1h, 30s, 1d. */
    public static String resolution(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
