package io.invicta.jobs.mobility;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * First stage of the zone vehicle metrics: per vehicle, zone and window, the total distance and
 * time of its moves (one {@link VehicleMove} out per vehicle present). The second stage ({@link
 * ZoneVehiclesAggregate}) then counts vehicles per zone without keeping a set of ids. Plain double
 * sums suffice here: one vehicle's moves come from one Kafka partition (the vehicle is the record
 * key) through one keyed operator, so they are added in the same order in every run; the second
 * stage, which adds the totals of many vehicles in arrival order, sums exactly.
 */
public final class VehicleZoneAggregate
        implements AggregateFunction<VehicleMove, VehicleMove, VehicleMove> {

    private static final long serialVersionUID = 1L;

    @Override
    public VehicleMove createAccumulator() {
        return new VehicleMove();
    }

    @Override
    public VehicleMove add(VehicleMove move, VehicleMove acc) {
        acc.vehicleId = move.vehicleId;
        acc.zone = move.zone;
        acc.meters += move.meters;
        acc.seconds += move.seconds;
        return acc;
    }

    @Override
    public VehicleMove getResult(VehicleMove acc) {
        return acc;
    }

    @Override
    public VehicleMove merge(VehicleMove a, VehicleMove b) {
        a.meters += b.meters;
        a.seconds += b.seconds;
        return a;
    }

    /** Stamps the per-vehicle total with its window start. */
    public static final class Emit
            extends ProcessWindowFunction<VehicleMove, VehicleMove, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key,
                Context context,
                Iterable<VehicleMove> totals,
                Collector<VehicleMove> out) {
            VehicleMove total = totals.iterator().next();
            total.time = context.window().getStart();
            out.collect(total);
        }
    }
}
