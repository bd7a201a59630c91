package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;

/**
 * The European Air Quality Index of one station for one hour, with the concentrations it was
 * computed from (NO2, O3, SO2 hourly means; PM10 and PM2.5 24-hour running means ending with the
 * hour). A Flink POJO; null concentrations were not measured.
 */
public class AirQualityIndex {

    public String sensorId;
    public String zone;

    /** Start of the hour, epoch milliseconds: the InfluxDB timestamp. */
    public long hourStart;

    public Eaqi.Band band;
    public Eaqi.Pollutant dominant;
    public Double no2;
    public Double o3;
    public Double so2;
    public Double pm10Day;
    public Double pm25Day;

    public AirQualityIndex() {}

    @Override
    public String toString() {
        return sensorId + "@" + hourStart + " " + band + " (" + dominant + ")";
    }
}
