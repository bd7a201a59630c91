package io.invicta.jobs.io;

/**
 * How many anomalies one check found in one sensor's observations of one hour, and what was done
 * with them: the data-quality figure users chart ({@code data_quality_1h}). A Flink POJO.
 */
public class AnomalyCount {

    public String kind;
    public String sensorId;
    public String check;
    public String action;

    /** Start of the hour, epoch milliseconds: the point's timestamp. */
    public long hourStart;

    public long count;

    public AnomalyCount() {}

    public AnomalyCount(
            String kind, String sensorId, String check, String action, long hourStart, long count) {
        this.kind = kind;
        this.sensorId = sensorId;
        this.check = check;
        this.action = action;
        this.hourStart = hourStart;
        this.count = count;
    }

    @Override
    public String toString() {
        return kind + "/" + sensorId + "@" + hourStart + ": " + check + " " + action + " ×" + count;
    }
}
