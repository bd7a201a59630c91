package io.invicta.schemas.validation;

import io.invicta.schemas.GeoPoint;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** Checks a decoded event; a non-null answer is the reason it is refused (and dead-lettered). */
@FunctionalInterface
public interface Validator<T> extends Serializable {

    /**
     * @param nowMillis the wall clock, for checks such as "not far in the future"
     * @return null when the event is acceptable, else a short human-readable reason
     */
    String check(T event, long nowMillis);

    /**
     * The checks every event type shares: an event time no further ahead of the wall clock than
     * {@code maxFutureMillis} (a clock error would drag the watermark ahead and make honest
     * readings late), and a WGS84 location. Null when both hold.
     */
    static String timeAndPlace(
            Instant time, GeoPoint location, long maxFutureMillis, long nowMillis) {
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
