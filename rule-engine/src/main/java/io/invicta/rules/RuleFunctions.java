package io.invicta.rules;

import io.invicta.domain.Decibels;
import io.invicta.domain.Eaqi;
import io.invicta.domain.Geo;
import io.invicta.domain.NoisePeriod;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The domain functions rule files may call (registered as Esper single-row functions under these
 * names and listed in {@link Sandbox#FUNCTIONS}). They delegate to {@code io.invicta.domain}, so
 * rules and the metrics jobs share one EAQI table and one decibel formula. Null in, null out: a
 * sensor that did not measure a pollutant raises nothing.
 */
public final class RuleFunctions {

    private RuleFunctions() {}

    /**
     * EEA index level 1 (good) … 6 (extremely poor) of a concentration, pollutant 'PM25', 'PM10',
     * 'NO2', 'O3', 'SO2'.
     */
    public static Integer eaqiLevel(String pollutant, Double concentration) {
        if (pollutant == null || concentration == null || concentration.isNaN()) {
            return null;
        }
        return Eaqi.band(Eaqi.Pollutant.valueOf(pollutant.toUpperCase(Locale.ROOT)), concentration)
                .level();
    }

    /** The band's name, e.g. 'POOR', for messages. */
    public static String eaqiBand(String pollutant, Double concentration) {
        Integer level = eaqiLevel(pollutant, concentration);
        return level == null ? null : Eaqi.Band.values()[level - 1].name();
    }

    /**
     * 10^(L/10): average this, then take {@link #decibels}, for an energetic mean of levels in dB.
     */
    public static Double soundEnergy(Double level) {
        return level == null ? null : Decibels.energy(level);
    }

    /** 10·log10(energy), the level of a (mean) sound energy. */
    public static Double decibels(Double energy) {
        return energy == null || energy <= 0 ? null : Decibels.level(energy);
    }

    /**
     * 'DAY', 'EVENING' or 'NIGHT' (Directive 2002/49/EC periods 07–19, 19–23, 23–07 local time) of
     * an instant ({@code dateObserved}) in a city's time zone.
     */
    public static String noisePeriod(Instant time, String timeZone) {
        return time == null ? null : NoisePeriod.of(time, ZoneId.of(timeZone)).name();
    }

    /** Great-circle distance in metres. */
    public static Double distanceMeters(Double lat1, Double lon1, Double lat2, Double lon2) {
        if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) {
            return null;
        }
        return Geo.haversineMeters(lat1, lon1, lat2, lon2);
    }
}
