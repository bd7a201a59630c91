package io.invicta.tools.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;

/**
 * City-wide state as a smooth, deterministic function of event time: local time of day in
 * Europe/Lisbon, the traffic level (diurnal, rush hours at ~08:15 and ~18:00 on weekdays),
 * daylight, and the weather (temperature, humidity, pressure, wind, rain). Values are computed once
 * per event-time minute and cached, so the per-event cost is a comparison; the model is a pure
 * function of (seed, minute), which keeps runs reproducible.
 *
 * <p>Not thread-safe (the cache).
 */
final class CityModel {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final double TWO_PI = 2 * Math.PI;

    private static final double[] WEEKDAY = trafficTable(false);
    private static final double[] WEEKEND = trafficTable(true);

    private final ZoneRules rules = LISBON.getRules();
    private final double[] phase = new double[8];

    private long cachedMinute = Long.MIN_VALUE;
    private long offsetHourKey = Long.MIN_VALUE;
    private long offsetMs;

    // State of the cached minute.
    double localHour;
    boolean weekend;
    double traffic;

    /** traffic^0.7 and traffic^1.6, precomputed per minute (noise and occupancy curves). */
    double trafficPow07;

    double trafficPow16;
    double daylight;
    double temperature;
    double humidity;
    double pressure;
    double windSpeed;
    double windDirection;
    double rainPerHour;

    CityModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EA7_4E55L);
        for (int i = 0; i < phase.length; i++) {
            phase[i] = random.nextDouble() * TWO_PI;
        }
    }

    /** Brings the state to the minute of {@code t} (UTC epoch ms) and returns this. */
    CityModel at(long t) {
        long minute = Math.floorDiv(t, MINUTE);
        if (minute != cachedMinute) {
            compute(minute * MINUTE);
            cachedMinute = minute;
        }
        return this;
    }

    private void compute(long t) {
        long hourKey = Math.floorDiv(t, HOUR);
        if (hourKey != offsetHourKey) { // offsets change on the hour at most (DST)
            offsetMs = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000L;
            offsetHourKey = hourKey;
        }
        long local = t + offsetMs;
        long epochDay = Math.floorDiv(local, DAY);
        int minuteOfDay = (int) (Math.floorMod(local, DAY) / MINUTE);
        localHour = minuteOfDay / 60.0;
        int dayOfWeek =
                (int) Math.floorMod(epochDay + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
        weekend = dayOfWeek >= 5;
        traffic = (weekend ? WEEKEND : WEEKDAY)[minuteOfDay];
        trafficPow07 = Math.pow(traffic, 0.7);
        trafficPow16 = Math.pow(traffic, 1.6);
        daylight =
                Math.max(
                        0,
                        Math.sin(
                                Math.PI
                                        * (localHour - 7.2)
                                        / 12.3)); // sunrise ~07:12, sunset ~19:30

        double days = t / (double) DAY;
        double diurnal = Math.sin(TWO_PI * (localHour - 9) / 24); // peaks at 15:00, lowest at 03:00
        double seasonal = -Math.cos(TWO_PI * (epochDay - 15) / 365.25); // coldest mid January
        temperature =
                15
                        + 5 * seasonal
                        + 4 * diurnal
                        + 1.5 * Math.sin(TWO_PI * days / 2.7 + phase[0])
                        + 0.8 * Math.sin(TWO_PI * days / 0.9 + phase[1]);
        humidity =
                clamp(
                        0.74 - 0.14 * diurnal + 0.08 * Math.sin(TWO_PI * days / 3.3 + phase[2]),
                        0.3,
                        1.0);
        pressure =
                1015
                        + 7 * Math.sin(TWO_PI * days / 6 + phase[3])
                        + 2 * Math.sin(TWO_PI * days / 1.7 + phase[4]);
        windSpeed =
                Math.max(
                        0.3,
                        3.2
                                + 1.8 * Math.sin(TWO_PI * days / 1.3 + phase[5])
                                + 0.9 * Math.sin(TWO_PI * days * 24 / 7 + phase[6])
                                + 0.8 * Math.sin(TWO_PI * (localHour - 10) / 24));
        windDirection =
                Math.floorMod(
                        (long) Math.round(290 + 60 * Math.sin(TWO_PI * days / 2.1 + phase[7])),
                        360L);
        rainPerHour = humidity > 0.88 ? (humidity - 0.88) * 20 : 0;
    }

    /** Offset of local (Lisbon) time from UTC at the cached minute, ms. */
    long offsetMs() {
        return offsetMs;
    }

    /**
     * Traffic level 0..1 per minute of the local day. Weekdays: low at night (≈0.06), a morning
     * peak at ~08:15 and an evening peak at ~18:00 (≈1.0), a plateau ≈0.5 in between. Weekends: no
     * morning rush, lower overall.
     */
    static double[] trafficTable(boolean weekend) {
        double[] table = new double[1440];
        for (int m = 0; m < table.length; m++) {
            double h = m / 60.0;
            double v =
                    weekend
                            ? 0.06
                                    + 0.38 * sigmoid((h - 8.5) / 0.8) * sigmoid((22 - h) / 0.9)
                                    + 0.12 * bell(h, 8.2, 0.8)
                                    + 0.25 * bell(h, 17, 1.2)
                            : 0.06
                                    + 0.42 * sigmoid((h - 6.3) / 0.6) * sigmoid((21.5 - h) / 0.9)
                                    + 0.52 * bell(h, 8.25, 0.8)
                                    + 0.55 * bell(h, 18, 1.1);
            table[m] = Math.min(1.0, v);
        }
        return table;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double bell(double h, double centre, double width) {
        double z = (h - centre) / width;
        return Math.exp(-0.5 * z * z);
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
