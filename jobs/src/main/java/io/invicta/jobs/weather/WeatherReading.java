package io.invicta.jobs.weather;

/** One weather variable of one observation; a Flink POJO. */
public class WeatherReading {

    public String sensorId;
    public String zone;
    /** The WeatherObserved field name, e.g. temperature. */
    public String variable;
    public long timestamp;
    public double value;

    public WeatherReading() {
    }

    public WeatherReading(String sensorId, String zone, String variable, long timestamp, double value) {
        this.sensorId = sensorId;
        this.zone = zone;
        this.variable = variable;
        this.timestamp = timestamp;
        this.value = value;
    }

    public String zone() {
        return zone;
    }

    public double value() {
        return value;
    }
}
