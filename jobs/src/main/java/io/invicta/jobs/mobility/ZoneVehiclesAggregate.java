package io.invicta.jobs.mobility;

import io.invicta.domain.ExactSum;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Second stage: per zone and window, the active vehicles (each per-vehicle total of the first stage
 * is one distinct vehicle) and their mean speed = Σ distance / Σ time of the moves ending in the
 * zone (a distance-over-time mean, so long, slow moves weigh as much as they last; not a mean of
 * fix speeds).
 */
public final class ZoneVehiclesAggregate
        implements AggregateFunction<
                VehicleMove, ZoneVehiclesAggregate.Acc, ZoneVehiclesAggregate.Acc> {

    private static final long serialVersionUID = 1L;

    public static final class Acc implements WindowMetrics {
        public long vehicles;
        // exact: the vehicles' totals arrive in any order
        public ExactSum meters = new ExactSum();
        public ExactSum seconds = new ExactSum();

        public double meanSpeed() {
            double s = seconds.value();
            return s > 0 ? meters.value() / s * 3.6 : Double.NaN;
        }

        @Override
        public void writeFields(MobilityPoint p) {
            p.field("active_vehicles", vehicles)
                    .field("speed", meanSpeed())
                    .field("distance", meters.value());
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(VehicleMove total, Acc acc) {
        acc.vehicles++;
        acc.meters.add(total.meters);
        acc.seconds.add(total.seconds);
        return acc;
    }

    @Override
    public Acc getResult(Acc acc) {
        return acc;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.vehicles += b.vehicles;
        a.meters.add(b.meters);
        a.seconds.add(b.seconds);
        return a;
    }
}
