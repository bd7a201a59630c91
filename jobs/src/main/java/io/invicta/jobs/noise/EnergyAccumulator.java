package io.invicta.jobs.noise;

/** Duration-weighted energy sum and the maximum LAmax; a Flink POJO. */
public class EnergyAccumulator {

    public String zone;
    public long count;
    public double seconds;
    public double weightedEnergy;
    public double lamax = Double.NEGATIVE_INFINITY;

    void add(NoiseReading r) {
        zone = r.zone;
        count++;
        seconds += r.seconds;
        weightedEnergy += r.weightedEnergy;
        if (!Double.isNaN(r.lamax)) {
            lamax = Math.max(lamax, r.lamax);
        }
    }

    EnergyAccumulator merge(EnergyAccumulator other) {
        zone = zone != null ? zone : other.zone;
        count += other.count;
        seconds += other.seconds;
        weightedEnergy += other.weightedEnergy;
        lamax = Math.max(lamax, other.lamax);
        return this;
    }
}
