package io.invicta.jobs.noise;

/**
 * One noise observation reduced to what the aggregates need: its level as an energy weighted by the
 * observation's duration (so intervals of different lengths average correctly), and its LAmax. A Flink POJO.
 */
public class NoiseReading {

    public String sensorId;
    public String zone;
    public long timestamp;
    /** Duration of the observation interval in seconds (1 when the observation has no start). */
    public double seconds;
    /** 10^(LAeq/10) × seconds. */
    public double weightedEnergy;
    /** LAmax of the interval, dB(A), or NaN when not reported. */
    public double lamax;

    public NoiseReading() {
    }

    public NoiseReading(String sensorId, String zone, long timestamp, double seconds, double weightedEnergy,
                        double lamax) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.timestamp = timestamp;
        this.seconds = seconds;
        this.weightedEnergy = weightedEnergy;
        this.lamax = lamax;
    }
}
