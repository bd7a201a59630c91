package io.invicta.jobs.noise;

import io.invicta.domain.NoisePeriod;

/** Duration-weighted energies of one sensor's Lden day, per period; a Flink POJO kept in keyed state. */
public class DayEnergies {

    public String zone;
    public double dayEnergy;
    public double daySeconds;
    public double eveningEnergy;
    public double eveningSeconds;
    public double nightEnergy;
    public double nightSeconds;

    void add(NoisePeriod period, NoiseReading r) {
        zone = r.zone;
        switch (period) {
            case DAY -> {
                dayEnergy += r.weightedEnergy;
                daySeconds += r.seconds;
            }
            case EVENING -> {
                eveningEnergy += r.weightedEnergy;
                eveningSeconds += r.seconds;
            }
            case NIGHT -> {
                nightEnergy += r.weightedEnergy;
                nightSeconds += r.seconds;
            }
        }
    }

    boolean complete() {
        return daySeconds > 0 && eveningSeconds > 0 && nightSeconds > 0;
    }
}
