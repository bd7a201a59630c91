package io.invicta.domain;

/**
 * Space-mean speed from interval counts: a detector reports per interval the number of vehicles q
 * and their mean spot speed v. Over several intervals the space-mean speed is the flow-weighted
 * harmonic mean {@code Σq / Σ(q/v)}: time spent on the road, not vehicles, is what averages. The
 * plain mean of the interval means overstates it when slow intervals carry many vehicles.
 */
public final class Speeds {

    // Public fields make Speeds a Flink POJO inside window accumulators (typed state, not Kryo);
    // exact sums make the result independent of the order the intervals are added and merged in.
    public ExactSum vehicles = new ExactSum();
    public ExactSum hoursPerKm = new ExactSum(); // Σ q / v

    /** Adds an interval with {@code count} vehicles at mean spot speed {@code kmh}. */
    public Speeds add(double count, double kmh) {
        if (count < 0 || !(kmh > 0)) {
            throw new IllegalArgumentException(
                    "Need count ≥ 0 and a positive speed, got " + count + " at " + kmh);
        }
        vehicles.add(count);
        hoursPerKm.add(count / kmh);
        return this;
    }

    public Speeds merge(Speeds other) {
        vehicles.add(other.vehicles);
        hoursPerKm.add(other.hoursPerKm);
        return this;
    }

    public double vehicles() {
        return vehicles.value();
    }

    /** The space-mean speed in km/h, or NaN when no vehicle was counted. */
    public double spaceMeanSpeed() {
        double q = vehicles.value();
        return q == 0 ? Double.NaN : q / hoursPerKm.value();
    }
}
