package io.invicta.jobs.airquality;

/**
 * How often a station exceeded one limit value so far in a calendar year (local time). A Flink
 * POJO.
 */
public class Exceedances {

    public String sensorId;
    public String zone;
    public String limit;
    public int year;

    /** Start of the year in the city's time zone, epoch milliseconds: the InfluxDB timestamp. */
    public long yearStart;

    public int count;
    public int allowed;

    public Exceedances() {}
}
