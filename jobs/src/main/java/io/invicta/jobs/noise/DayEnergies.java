package io.invicta.jobs.noise;

import io.invicta.domain.NoisePeriod;

/**
 * Duration-weighted energies of one sensor's Lden day, per period; a Flink POJO kept in keyed
 * state.
 */
public class DayEnergies {

    public String zone;
    public double dayEnergy;
    public double daySeconds;
    public double eveningEnergy;
    public double eveningSeconds;
    public double nightEnergy;
    public double nightSeconds;

    /** Adds observations made in {@code zone}: their Σ 10^(LAeq/10)·t and Σ t, in seconds. */
    void add(NoisePeriod period, String zone, double weightedEnergy, double seconds) {
        this.zone = zone;
        switch (period) {
            case DAY -> {
                dayEnergy += weightedEnergy;
                daySeconds += seconds;
            }
            case EVENING -> {
                eveningEnergy += weightedEnergy;
                eveningSeconds += seconds;
            }
            case NIGHT -> {
                nightEnergy += weightedEnergy;
                nightSeconds += seconds;
            }
        }
    }

    boolean complete() {
        return daySeconds > 0 && eveningSeconds > 0 && nightSeconds > 0;
    }
}
