package io.invicta.schemas.validation;

import io.invicta.schemas.GeoPoint;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** Checks a decoded event; a non-null answer is the reason it is refused (and dead-lettered). */
@FunctionalInterface
public interface Validator<T> extends Serializable {

    /**
     * The earliest event time accepted. A device whose clock was never set reports the epoch of its
     * clock (1970, GPS's 1980, 2000); no data the product reads is older.
     */
    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * @param nowMillis the wall clock, for checks such as "not far in the future"
     * @return null when the event is acceptable, else a short human-readable reason
     */
    String check(T event, long nowMillis);

    /**
     * The checks every event type shares: an event time no further ahead of the wall clock than
     * {@code maxFutureMillis} (a clock error would drag the watermark ahead and make honest
     * readings late) and not before {@link #EARLIEST}, and a WGS84 location. Null when all hold.
     */
    static String timeAndPlace(
            Instant time, GeoPoint location, long maxFutureMillis, long nowMillis) {
        if (time.isBefore(EARLIEST)) {
            return "dateObserved " + time + " is before " + EARLIEST + " (a clock never set)";
        }
        if (time.toEpochMilli() > nowMillis + maxFutureMillis) {
            return "dateObserved "
                    + time
                    + " is more than "
                    + Duration.ofMillis(maxFutureMillis)
                    + " in the future";
        }
        double lat = location.getLat();
        double lon = location.getLon();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            return "location " + lat + "," + lon + " is not a WGS84 point";
        }
        return null;
    }

    /** The first non-null reason, or null. */
    static String firstOf(String... reasons) {
        for (String r : reasons) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
