package io.invicta.jobs.airquality;

import io.invicta.jobs.common.ScalarReading;

/** One pollutant concentration of one observation; a Flink POJO. */
public class PollutantReading implements ScalarReading {

    public String sensorId;
    /** The observation's zone, or the geohash cell of its location. */
    public String zone;
    public Pollutant pollutant;
    public long timestamp;
    public double value;

    public PollutantReading() {
    }

    public PollutantReading(String sensorId, String zone, Pollutant pollutant, long timestamp, double value) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.pollutant = pollutant;
        this.timestamp = timestamp;
        this.value = value;
    }

    @Override
    public String zone() {
        return zone;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public String toString() {
        return sensorId + "/" + pollutant + "@" + timestamp + "=" + value;
    }
}
