package io.invicta.jobs.mobility;

import io.invicta.domain.ExactSum;
import io.invicta.domain.Speeds;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Incremental traffic metrics of a window (one sensor+lane, or one zone): vehicles, flow-weighted
 * space-mean speed ({@link Speeds}: Σq / Σ(q/v), not the mean of the interval means), mean
 * occupancy, congestion index and the share of congested intervals.
 *
 * <p>Congestion index = 1 − v_s / v_ff, clamped at 0, where v_ff is the free-flow speed weighted
 * like v_s (Σq / Σ(q/v_ff)): for one sensor it is that sensor's free-flow speed; for a zone it
 * equals 1 − (free-flow travel time / actual travel time) over the zone's vehicles, so sensors with
 * different limits mix correctly. Intervals without vehicles, without a speed, or with speed 0
 * contribute no speed (a positive count at 0 km/h is self-contradictory), but still count in
 * occupancy and congestion share.
 */
public final class TrafficAggregate
        implements AggregateFunction<TrafficReading, TrafficAggregate.Acc, TrafficAggregate.Acc> {

    private static final long serialVersionUID = 1L;

    /**
     * One small accumulator per window; its sums are exact, so a window's result does not depend on
     * the order its readings arrive in.
     */
    public static final class Acc implements WindowMetrics {
        public long observations;
        public long vehicles;
        public Speeds speeds = new Speeds();
        public Speeds freeFlow = new Speeds();
        public ExactSum occupancySum = new ExactSum();
        public long occupancyCount;
        public long congestedCount;
        public long congestionKnownCount;

        public double spaceMeanSpeed() {
            return speeds.spaceMeanSpeed();
        }

        public double congestionIndex() {
            double v = speeds.spaceMeanSpeed();
            double vff = freeFlow.spaceMeanSpeed();
            return Double.isNaN(v) ? Double.NaN : Math.max(0, 1 - v / vff);
        }

        public double meanOccupancy() {
            return occupancyCount == 0 ? Double.NaN : occupancySum.value() / occupancyCount;
        }

        public double congestedShare() {
            return congestionKnownCount == 0
                    ? Double.NaN
                    : (double) congestedCount / congestionKnownCount;
        }

        @Override
        public void writeFields(MobilityPoint p) {
            p.field("observations", observations)
                    .field("vehicles", vehicles)
                    .field("speed", spaceMeanSpeed())
                    .field("occupancy", meanOccupancy())
                    .field("congestion_index", congestionIndex())
                    .field("congested_share", congestedShare());
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(TrafficReading r, Acc acc) {
        acc.observations++;
        if (r.intensity != null) {
            acc.vehicles += r.intensity;
            if (r.speed != null && r.speed > 0) {
                acc.speeds.add(r.intensity, r.speed);
                acc.freeFlow.add(r.intensity, r.freeFlowSpeed);
            }
        }
        if (r.occupancy != null) {
            acc.occupancySum.add(r.occupancy);
            acc.occupancyCount++;
        }
        Boolean congested = r.isCongested();
        if (congested != null) {
            acc.congestionKnownCount++;
            if (congested) {
                acc.congestedCount++;
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
        a.vehicles += b.vehicles;
        a.speeds.merge(b.speeds);
        a.freeFlow.merge(b.freeFlow);
        a.occupancySum.add(b.occupancySum);
        a.occupancyCount += b.occupancyCount;
        a.congestedCount += b.congestedCount;
        a.congestionKnownCount += b.congestionKnownCount;
        return a;
    }
}
