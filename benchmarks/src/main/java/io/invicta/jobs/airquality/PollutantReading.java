package io.invicta.jobs.airquality;

/** One pollutant concentration of one observation; a Flink POJO. */
public class PollutantReading {

    public String sensorId;

    /** The observation's zone, or the geohash cell of its location. */
    public String zone;

    public Pollutant pollutant;
    public long timestamp;
    public double value;

    public PollutantReading() {}

    public PollutantReading(
            String sensorId, String zone, Pollutant pollutant, long timestamp, double value) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.pollutant = pollutant;
        this.timestamp = timestamp;
        this.value = value;
    }

    public String zone() {
        return zone;
    }

    public double value() {
        return value;
    }

    @Override
    public String toString() {
        return sensorId + "/" + pollutant + "@" + timestamp + "=" + value;
    }
}
