package io.invicta.jobs.airquality;

/**
 * The hourly PM10 and PM2.5 means of one station-hour, kept by {@link IndexCombiner} for the
 * 24-hour running means; a count of 0 means the station reported none. A Flink POJO.
 */
public class PmHour {

    public long pm10Count;
    public double pm10Mean;
    public long pm25Count;
    public double pm25Mean;

    public PmHour() {}

    void accept(PollutantMean hourly) {
        if (hourly.pollutant == Pollutant.PM10) {
            pm10Count = hourly.count;
            pm10Mean = hourly.mean;
        } else if (hourly.pollutant == Pollutant.PM25) {
            pm25Count = hourly.count;
            pm25Mean = hourly.mean;
        }
    }

    long count(Pollutant p) {
        return p == Pollutant.PM10 ? pm10Count : pm25Count;
    }

    double mean(Pollutant p) {
        return p == Pollutant.PM10 ? pm10Mean : pm25Mean;
    }
}
