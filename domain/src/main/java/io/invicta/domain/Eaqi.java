package io.invicta.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The European Air Quality Index of the European Environment Agency (EEA): six bands per pollutant,
 * the overall index being the worst band of any pollutant.
 *
 * <p>Source: EEA, "European Air Quality Index" (2021 revision of the band thresholds),
 * concentrations in µg/m³: NO2, O3 and SO2 as hourly means, PM2.5 and PM10 as 24-hour running
 * means. This class is the one place the thresholds live; update it here when the EEA revises them.
 */
public final class Eaqi {

    /** The six bands, in increasing order of concern. */
    public enum Band {
        GOOD,
        FAIR,
        MODERATE,
        POOR,
        VERY_POOR,
        EXTREMELY_POOR;

        /** 1 (good) to 6 (extremely poor), as the EEA numbers them. */
        public int level() {
            return ordinal() + 1;
        }
    }

    /** The pollutants of the index and the averaging period their thresholds apply to. */
    public enum Pollutant {
        PM25(24),
        PM10(24),
        NO2(1),
        O3(1),
        SO2(1);

        private final int averagingHours;

        Pollutant(int averagingHours) {
            this.averagingHours = averagingHours;
        }

        /** 1 for hourly means, 24 for 24-hour running means. */
        public int averagingHours() {
            return averagingHours;
        }
    }

    // Upper bounds (exclusive) of GOOD..VERY_POOR; above the last one is EXTREMELY_POOR.
    private static final Map<Pollutant, double[]> UPPER_BOUNDS =
            new EnumMap<>(
                    Map.of(
                            Pollutant.PM25, new double[] {10, 20, 25, 50, 75},
                            Pollutant.PM10, new double[] {20, 40, 50, 100, 150},
                            Pollutant.NO2, new double[] {40, 90, 120, 230, 340},
                            Pollutant.O3, new double[] {50, 100, 130, 240, 380},
                            Pollutant.SO2, new double[] {100, 200, 350, 500, 750}));

    private static final Band[] BANDS = Band.values();

    private Eaqi() {}

    /**
     * The band of a concentration (µg/m³, averaged as {@link Pollutant#averagingHours()} says). A
     * value on a threshold belongs to the upper band (the EEA ranges are 0–10, 10–20, ...; 10 is
     * FAIR for PM2.5).
     */
    public static Band band(Pollutant pollutant, double concentration) {
        if (!(concentration >= 0)) {
            throw new IllegalArgumentException(
                    "Concentration must be a non-negative number, got " + concentration);
        }
        double[] bounds = UPPER_BOUNDS.get(pollutant);
        for (int i = 0; i < bounds.length; i++) {
            if (concentration < bounds[i]) {
                return BANDS[i];
            }
        }
        return Band.EXTREMELY_POOR;
    }

    /**
     * The overall index of a station: the worst band, and the pollutant that set it (first in enum
     * order on ties).
     */
    public record Overall(Band band, Pollutant dominant) {}

    /**
     * Overall index from the concentrations available (missing pollutants are simply not
     * considered).
     */
    public static Overall overall(Map<Pollutant, Double> concentrations) {
        Band worst = null;
        Pollutant dominant = null;
        for (Pollutant p : Pollutant.values()) {
            Double c = concentrations.get(p);
            if (c == null) {
                continue;
            }
            Band b = band(p, c);
            if (worst == null || b.compareTo(worst) > 0) {
                worst = b;
                dominant = p;
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException("No concentration of an index pollutant given");
        }
        return new Overall(worst, dominant);
    }
}
