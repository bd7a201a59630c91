package io.invicta.jobs.noise;

import io.invicta.domain.ExactSum;
import io.invicta.domain.NoisePeriod;

/**
 * Duration-weighted energies of one sensor's Lden day, per period, as exact sums (the slices of a
 * day arrive in any order; the day's levels must not depend on it); a Flink POJO kept in keyed
 * state.
 */
public class DayEnergies {

    public String zone;
    public ExactSum dayEnergy = new ExactSum();
    public ExactSum daySeconds = new ExactSum();
    public ExactSum eveningEnergy = new ExactSum();
    public ExactSum eveningSeconds = new ExactSum();
    public ExactSum nightEnergy = new ExactSum();
    public ExactSum nightSeconds = new ExactSum();

    /** Adds observations made in {@code zone}: their Σ 10^(LAeq/10)·t and Σ t, in seconds. */
    void add(NoisePeriod period, String zone, ExactSum weightedEnergy, ExactSum seconds) {
        this.zone = zone;
        switch (period) {
            case DAY -> {
                dayEnergy.add(weightedEnergy);
                daySeconds.add(seconds);
            }
            case EVENING -> {
                eveningEnergy.add(weightedEnergy);
                eveningSeconds.add(seconds);
            }
            case NIGHT -> {
                nightEnergy.add(weightedEnergy);
                nightSeconds.add(seconds);
            }
        }
    }

    boolean complete() {
        return daySeconds.value() > 0 && eveningSeconds.value() > 0 && nightSeconds.value() > 0;
    }
}
