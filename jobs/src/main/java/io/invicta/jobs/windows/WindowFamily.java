package io.invicta.jobs.windows;

import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.time.LocalDayWindows;

import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One kind of window the per-sensor operator keeps: tumbling windows of a length (or local calendar
 * days), the variables it aggregates, and where its results go: the means (main output, and the
 * zone windows), the hourly results ({@link SensorWindows#HOURLY}), the local-day results ({@link
 * SensorWindows#DAILY}).
 */
public final class WindowFamily implements Serializable {

    private static final long serialVersionUID = 1L;

    final String resolution;

    /** Window length in ms; 0 for calendar days in {@link #dayZone}. */
    private final long sizeMs;

    private final ZoneId dayZone;

    /** Bit v set: variable v is aggregated. */
    final int variables;

    /** Results go to the main output (the sensors' means). */
    final boolean means;

    /** Results also go to the zone windows. */
    final boolean zones;

    final boolean hourly;
    final boolean daily;

    private WindowFamily(
            String resolution,
            long sizeMs,
            ZoneId dayZone,
            int variables,
            boolean means,
            boolean zones,
            boolean hourly,
            boolean daily) {
        this.resolution = resolution;
        this.sizeMs = sizeMs;
        this.dayZone = dayZone;
        this.variables = variables;
        this.means = means;
        this.zones = zones;
        this.hourly = hourly;
        this.daily = daily;
    }

    /**
     * Tumbling windows of {@code size} of every variable, labelled like the measurements (1m, 1h).
     */
    public static WindowFamily tumbling(Duration size, boolean means, boolean hourly) {
        return new WindowFamily(
                MetricsOptions.resolution(size),
                size.toMillis(),
                null,
                -1,
                means,
                means,
                hourly,
                false);
    }

    /** The short and the long windows of the means and the local days (noise and weather). */
    public static WindowFamily[] shortLongAndLocalDays(
            Duration shortWindow, Duration longWindow, ZoneId cityZone) {
        return new WindowFamily[] {
            tumbling(shortWindow, true, false),
            tumbling(longWindow, true, false),
            localDays(cityZone)
        };
    }

    /**
     * Local calendar days of {@code zone} (23 or 25 h on clock-change days) of every variable, per
     * sensor, labelled {@link #LOCAL_DAY}: to the main output, with the hours of the day that had
     * readings ({@link DayCoverage}), and to {@link SensorWindows#DAILY}. Not merged into zones:
     * the data coverage of a zone's day has no agreed meaning.
     */
    public static WindowFamily localDays(ZoneId zone) {
        return new WindowFamily(LOCAL_DAY, 0, zone, -1, true, false, false, true);
    }

    /** The resolution label of local calendar days (measurements {@code <job>_day}). */
    public static final String LOCAL_DAY = "day";

    /** Whether the windows note the hours that had readings: local days do. */
    boolean tracksHours() {
        return sizeMs == 0;
    }

    /**
     * The window of this family that holds {@code timestamp}; the same windows Flink's assigners
     * give.
     */
    TimeWindow windowOf(long timestamp) {
        if (sizeMs > 0) {
            long start = TimeWindow.getWindowStartWithOffset(timestamp, 0, sizeMs);
            return new TimeWindow(start, start + sizeMs);
        }
        return LocalDayWindows.in(dayZone).assignWindows(null, timestamp, null).iterator().next();
    }

    /**
     * Window lengths the slices must divide (local days start on whole hours, which every slice
     * divides).
     */
    Duration length() {
        return sizeMs > 0 ? Duration.ofMillis(sizeMs) : Duration.ofHours(1);
    }
}
