package io.invicta.jobs.airquality;

import io.invicta.jobs.common.LocalDayWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One kind of window the per-sensor operator keeps: tumbling windows of a length (or local calendar days), the
 * pollutants it aggregates, and where its results go (the means sink and the zone windows, the hourly means of
 * the index and the hourly limits, the daily means of the daily limits).
 */
final class WindowFamily implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ALL_POLLUTANTS = (1 << Pollutant.values().length) - 1;

    final String resolution;
    /** Window length in ms; 0 for calendar days in {@link #dayZone}. */
    private final long sizeMs;
    private final ZoneId dayZone;
    /** Bit p set: pollutant ordinal p is aggregated. */
    final int pollutants;
    final boolean means;
    final boolean hourly;
    final boolean daily;

    private WindowFamily(String resolution, long sizeMs, ZoneId dayZone, int pollutants, boolean means,
                         boolean hourly, boolean daily) {
        this.resolution = resolution;
        this.sizeMs = sizeMs;
        this.dayZone = dayZone;
        this.pollutants = pollutants;
        this.means = means;
        this.hourly = hourly;
        this.daily = daily;
    }

    /** Tumbling windows of {@code size}, labelled like the measurements (1m, 1h). */
    static WindowFamily tumbling(Duration size, boolean means, boolean hourly) {
        return new WindowFamily(io.invicta.jobs.common.MetricsOptions.resolution(size), size.toMillis(), null,
                ALL_POLLUTANTS, means, hourly, false);
    }

    /** Local calendar days of {@code zone} (23 or 25 h on clock-change days) for the daily limit values. */
    static WindowFamily localDays(ZoneId zone, Pollutant... pollutants) {
        int mask = 0;
        for (Pollutant p : pollutants) {
            mask |= 1 << p.ordinal();
        }
        return new WindowFamily("1d", 0, zone, mask, false, false, true);
    }

    /** The window of this family that holds {@code timestamp}; the same windows Flink's assigners give. */
    TimeWindow windowOf(long timestamp) {
        if (sizeMs > 0) {
            long start = TimeWindow.getWindowStartWithOffset(timestamp, 0, sizeMs);
            return new TimeWindow(start, start + sizeMs);
        }
        return LocalDayWindows.in(dayZone).assignWindows(null, timestamp, null).iterator().next();
    }
}
