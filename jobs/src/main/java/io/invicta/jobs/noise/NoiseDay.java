package io.invicta.jobs.noise;

/** The day-evening-night level of one sensor for one Lden day; levels in dB(A). A Flink POJO. */
public class NoiseDay {

    public String sensorId;
    public String zone;

    /** 07:00 local time of the Lden day (the start of its day period), epoch milliseconds. */
    public long dayStart;

    public double lden;
    public double lday;
    public double levening;
    public double lnight;

    public NoiseDay() {}
}
