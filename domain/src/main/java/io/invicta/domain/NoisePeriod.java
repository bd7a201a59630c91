package io.invicta.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The Lden periods in the city's local time: day 07–19, evening 19–23, night 23–07. A daily Lden
 * must give the night to one date; here it belongs to the date it starts on (the evening before).
 * Clock changes are honoured because local hours are used: on a DST day the night is an hour
 * shorter or longer in absolute time.
 */
public enum NoisePeriod {
    DAY,
    EVENING,
    NIGHT;

    /** The period an instant falls in, in {@code zone}'s local time. */
    public static NoisePeriod of(Instant instant, ZoneId zone) {
        int hour = instant.atZone(zone).getHour();
        if (hour >= 7 && hour < 19) {
            return DAY;
        }
        return hour >= 19 && hour < 23 ? EVENING : NIGHT;
    }

    /**
     * The Lden day an instant counts towards: the local date, except that the hours after midnight
     * (00–07) belong to the night that started the evening before.
     */
    public static LocalDate ldenDay(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return local.getHour() < 7 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
