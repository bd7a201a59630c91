package io.invicta.jobs.mobility;

import io.invicta.schemas.BikeHireDockingStation;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Bike docking stations of a window (one station, or one zone): mean available bikes and free
 * docks, and the shares of observations with no bike ({@code availableBikeNumber == 0}, "empty")
 * and no free dock ({@code freeSlotNumber == 0}, "full"). Each mean and share is over the
 * observations that report its number.
 */
public final class BikeAggregate
        implements AggregateFunction<BikeHireDockingStation, BikeAggregate.Acc, BikeAggregate.Acc> {

    private static final long serialVersionUID = 1L;

    public static final class Acc implements WindowMetrics {
        public long observations;
        public long bikesSum;
        public long bikesCount;
        public long emptyCount;
        public long docksSum;
        public long docksCount;
        public long fullCount;

        public double meanBikes() {
            return bikesCount == 0 ? Double.NaN : (double) bikesSum / bikesCount;
        }

        public double meanFreeDocks() {
            return docksCount == 0 ? Double.NaN : (double) docksSum / docksCount;
        }

        public double emptyShare() {
            return bikesCount == 0 ? Double.NaN : (double) emptyCount / bikesCount;
        }

        public double fullShare() {
            return docksCount == 0 ? Double.NaN : (double) fullCount / docksCount;
        }

        @Override
        public void writeFields(MobilityPoint p) {
            p.field("observations", observations)
                    .field("available_bikes", meanBikes())
                    .field("free_docks", meanFreeDocks())
                    .field("empty_share", emptyShare())
                    .field("full_share", fullShare());
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(BikeHireDockingStation s, Acc acc) {
        acc.observations++;
        if (s.getAvailableBikeNumber() != null) {
            acc.bikesSum += s.getAvailableBikeNumber();
            acc.bikesCount++;
            if (s.getAvailableBikeNumber() == 0) {
                acc.emptyCount++;
            }
        }
        if (s.getFreeSlotNumber() != null) {
            acc.docksSum += s.getFreeSlotNumber();
            acc.docksCount++;
            if (s.getFreeSlotNumber() == 0) {
                acc.fullCount++;
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
        a.bikesSum += b.bikesSum;
        a.bikesCount += b.bikesCount;
        a.emptyCount += b.emptyCount;
        a.docksSum += b.docksSum;
        a.docksCount += b.docksCount;
        a.fullCount += b.fullCount;
        return a;
    }
}
