package io.invicta.domain;

/**
 * Sound levels add as energies, not as numbers: the equivalent level of several levels is {@code
 * Leq = 10·log10(mean(10^(L/10)))}. Averaging decibels arithmetically understates loud periods.
 */
public final class Decibels {

    private Decibels() {}

    /** The energy of a level, relative to the reference: 10^(L/10). */
    public static double energy(double level) {
        return Math.pow(10, level / 10);
    }

    /** The level of an energy: 10·log10(E). */
    public static double level(double energy) {
        return 10 * Math.log10(energy);
    }

    /** The energetic mean of levels of equal duration. */
    public static double energeticMean(double... levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("No levels to average");
        }
        double sum = 0;
        for (double l : levels) {
            sum += energy(l);
        }
        return level(sum / levels.length);
    }

    /**
     * Day-evening-night level (EU Environmental Noise Directive 2002/49/EC): 12 day hours, 4
     * evening hours with a 5 dB penalty, 8 night hours with a 10 dB penalty, energetically averaged
     * over 24 hours.
     */
    public static double lden(double lDay, double lEvening, double lNight) {
        return level((12 * energy(lDay) + 4 * energy(lEvening + 5) + 8 * energy(lNight + 10)) / 24);
    }
}
