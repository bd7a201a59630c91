package io.invicta.domain;

/**
 * Space-mean speed from interval counts: a detector reports per interval the number of vehicles q
 * and their mean spot speed v. Over several intervals the space-mean speed is the flow-weighted
 * harmonic mean {@code Σq / Σ(q/v)}: time spent on the road, not vehicles, is what averages. The
 * plain mean of the interval means overstates it when slow intervals carry many vehicles.
 */
public final class Speeds {

    private double vehicles;
    private double hoursPerKm; // Σ q / v

    /** Adds an interval with {@code count} vehicles at mean spot speed {@code kmh}. */
    public Speeds add(double count, double kmh) {
        if (count < 0 || !(kmh > 0)) {
            throw new IllegalArgumentException(
                    "Need count ≥ 0 and a positive speed, got " + count + " at " + kmh);
        }
        vehicles += count;
        hoursPerKm += count / kmh;
        return this;
    }

    public Speeds merge(Speeds other) {
        vehicles += other.vehicles;
        hoursPerKm += other.hoursPerKm;
        return this;
    }

    // Bean accessors make Speeds a Flink POJO inside window accumulators (typed state, not Kryo).

    public double getVehicles() {
        return vehicles;
    }

    public void setVehicles(double vehicles) {
        this.vehicles = vehicles;
    }

    public double getHoursPerKm() {
        return hoursPerKm;
    }

    public void setHoursPerKm(double hoursPerKm) {
        this.hoursPerKm = hoursPerKm;
    }

    public double vehicles() {
        return vehicles;
    }

    /** The space-mean speed in km/h, or NaN when no vehicle was counted. */
    public double spaceMeanSpeed() {
        return vehicles == 0 ? Double.NaN : vehicles / hoursPerKm;
    }
}
