package io.invicta.jobs.mobility;

/**
 * A traffic observation reduced to what the windows need, with its zone and its sensor's free-flow
 * speed.
 */
public class TrafficReading {

    public String sensorId;

    /** Lane id as text, null when the counter covers the whole segment. */
    public String lane;

    public String zone;
    public Integer intensity;
    public Double speed;
    public Double occupancy;
    public Boolean congested;
    public double freeFlowSpeed;

    public TrafficReading() {}

    public TrafficReading(
            String sensorId,
            String lane,
            String zone,
            Integer intensity,
            Double speed,
            Double occupancy,
            Boolean congested,
            double freeFlowSpeed) {
        this.sensorId = sensorId;
        this.lane = lane;
        this.zone = zone;
        this.intensity = intensity;
        this.speed = speed;
        this.occupancy = occupancy;
        this.congested = congested;
        this.freeFlowSpeed = freeFlowSpeed;
    }

    /**
     * Congested by the detector's flag, else by a speed below half the free-flow speed; null when
     * unknowable.
     */
    public Boolean isCongested() {
        if (congested != null) {
            return congested;
        }
        return speed == null ? null : speed < freeFlowSpeed / 2;
    }
}
