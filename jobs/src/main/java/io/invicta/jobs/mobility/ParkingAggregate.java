package io.invicta.jobs.mobility;

import io.invicta.domain.ExactSum;
import io.invicta.schemas.OnStreetParking;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Parking of a window (one site, or one zone): occupancy rate = mean over the window's observations
 * of (total − available) / total (observations lacking either number, or with total 0, are left
 * out), and the minimum available spots seen.
 */
public final class ParkingAggregate
        implements AggregateFunction<OnStreetParking, ParkingAggregate.Acc, ParkingAggregate.Acc> {

    private static final long serialVersionUID = 1L;

    public static final class Acc implements WindowMetrics {
        public long observations;
        public ExactSum occupancySum = new ExactSum();
        public long occupancyCount;
        public long minAvailable = Long.MAX_VALUE;

        public double occupancyRate() {
            return occupancyCount == 0 ? Double.NaN : occupancySum.value() / occupancyCount;
        }

        @Override
        public void writeFields(MobilityPoint p) {
            p.field("observations", observations).field("occupancy_rate", occupancyRate());
            if (minAvailable != Long.MAX_VALUE) {
                p.field("min_available", minAvailable);
            }
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(OnStreetParking o, Acc acc) {
        acc.observations++;
        Integer available = o.getAvailableSpotNumber();
        Integer total = o.getTotalSpotNumber();
        if (available != null) {
            acc.minAvailable = Math.min(acc.minAvailable, available);
            if (total != null && total > 0) {
                acc.occupancySum.add((double) (total - available) / total);
                acc.occupancyCount++;
            }
        }
        return acc;
    }

    @Override
    public Acc getResult(Acc acc) {
        return acc;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.observations += b.observations;
        a.occupancySum.add(b.occupancySum);
        a.occupancyCount += b.occupancyCount;
        a.minAvailable = Math.min(a.minAvailable, b.minAvailable);
        return a;
    }
}
