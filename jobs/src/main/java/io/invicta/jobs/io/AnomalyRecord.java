package io.invicta.jobs.io;

/**
 * One anomaly found in one observation: whose, when, which check and what was done. Feeds the
 * per-sensor data-quality figures ({@link DataQuality}). A Flink POJO.
 */
public class AnomalyRecord {

    /** The event kind's name ({@code parking}). */
    public String kind;

    public String sensorId;

    /** The check's name ({@code parking-over-capacity}). */
    public String check;

    /** The policy applied: reject, clamp or flag. */
    public String action;

    /** The observation's event time, epoch milliseconds. */
    public long eventTime;

    public AnomalyRecord() {}

    public AnomalyRecord(
            String kind, String sensorId, String check, String action, long eventTime) {
        this.kind = kind;
        this.sensorId = sensorId;
        this.check = check;
        this.action = action;
        this.eventTime = eventTime;
    }

    @Override
    public String toString() {
        return kind + "/" + sensorId + "@" + eventTime + ": " + check + " (" + action + ")";
    }
}
