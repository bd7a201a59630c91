package io.invicta.jobs.mobility;

/**
 * An accepted GPS fix of a vehicle and the move from its previous fix ({@code meters} over {@code
 * seconds}; both 0 for a vehicle's first fix, which only shows it is present). The zone is the one
 * of the fix (the move's end). Also used for a vehicle's totals within one zone and window, with
 * {@code time} the window start.
 */
public class VehicleMove {

    public String vehicleId;
    public String zone;
    public long time;
    public double meters;
    public double seconds;

    public VehicleMove() {}

    public VehicleMove(String vehicleId, String zone, long time, double meters, double seconds) {
        this.vehicleId = vehicleId;
        this.zone = zone;
        this.time = time;
        this.meters = meters;
        this.seconds = seconds;
    }

    /** km/h, NaN for a first fix. */
    public double kmh() {
        return seconds > 0 ? meters / seconds * 3.6 : Double.NaN;
    }

    @Override
    public String toString() {
        return vehicleId + "@" + zone + "/" + time + ": " + meters + " m in " + seconds + " s";
    }
}
