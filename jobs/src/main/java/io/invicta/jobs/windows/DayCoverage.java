package io.invicta.jobs.windows;

import io.invicta.sinks.influxdb.InfluxPoint;

/**
 * The data coverage of a sensor's local day for one variable: how many of the day's hours had at
 * least one reading, out of the hours the day has in the city's time zone (23, 24 or 25). Daily
 * statistics of the EU air-quality directive (2008/50/EC, Annex XI A: "24-hour values: 75 % of the
 * hourly averages (i.e. at least 18 hour values)") and of city reports are valid only above a
 * coverage, so every daily point carries it and users filter on it ({@code coverage >= 0.75}). A
 * Flink POJO.
 */
public class DayCoverage {

    private static final long HOUR_MS = 3_600_000L;

    /** Hours of the day with at least one reading of the variable. */
    public int hours;

    /** Hours in the local day: 23 or 25 on clock-change days, else 24. */
    public int dayHours;

    public DayCoverage() {}

    public DayCoverage(int hours, int dayHours) {
        this.hours = hours;
        this.dayHours = dayHours;
    }

    /** The coverage of {@code variable} in a local-day window, or null for other windows. */
    public static DayCoverage of(WindowStats w, int variable) {
        if (w.hours == null) {
            return null;
        }
        return new DayCoverage(
                Integer.bitCount(w.hours[variable]),
                (int) ((w.windowEnd - w.windowStart) / HOUR_MS));
    }

    /**
     * Notes that the variables in {@code mask} that {@code slice} reports had readings in hour
     * {@code hour} of the day; returns the masks ({@code hours}, created when null).
     */
    static int[] note(int[] hours, Measures slice, int mask, int hour) {
        if (hours == null) {
            hours = new int[slice.size()];
        }
        int reported = slice.reported() & mask;
        for (int v = 0; v < hours.length; v++) {
            if ((reported & (1 << v)) != 0) {
                hours[v] |= 1 << hour;
            }
        }
        return hours;
    }

    /** The share of the day's hours with readings, 0–1. */
    public double coverage() {
        return (double) hours / dayHours;
    }

    /** Adds {@code hours}, {@code day_hours} and {@code coverage} to a daily point. */
    public InfluxPoint.Builder addTo(InfluxPoint.Builder point) {
        return point.field("hours", hours)
                .field("day_hours", dayHours)
                .field("coverage", coverage());
    }
}
