package io.invicta.jobs.mobility;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.OnStreetParking;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParkingAndBikeAggregatesTest {

    static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    static final GeoPoint HERE = GeoPoint.newBuilder().setLat(41.15).setLon(-8.61).build();

    static OnStreetParking parking(Integer available, Integer total) {
        return OnStreetParking.newBuilder()
                .setId("p-1")
                .setDateObserved(T0)
                .setLocation(HERE)
                .setAvailableSpotNumber(available)
                .setTotalSpotNumber(total)
                .build();
    }

    static BikeHireDockingStation station(Integer bikes, Integer free) {
        return BikeHireDockingStation.newBuilder()
                .setId("b-1")
                .setDateObserved(T0)
                .setLocation(HERE)
                .setAvailableBikeNumber(bikes)
                .setFreeSlotNumber(free)
                .setTotalSlotNumber(10)
                .build();
    }

    @Test
    void parkingOccupancyRateIsTheMeanOfOccupiedOverTotalAndMinAvailableIsKept() {
        ParkingAggregate agg = new ParkingAggregate();
        ParkingAggregate.Acc acc = agg.createAccumulator();
        acc = agg.add(parking(20, 100), acc); // 0.8
        acc = agg.add(parking(40, 100), acc); // 0.6
        acc = agg.add(parking(5, 10), acc); // 0.5: a mean of rates, not (sum occupied)/(sum total)
        acc = agg.add(parking(null, 100), acc); // nothing to say
        assertThat(acc.occupancyRate()).isCloseTo((0.8 + 0.6 + 0.5) / 3, within(1e-12));
        assertThat(acc.minAvailable).isEqualTo(5);
        assertThat(acc.observations).isEqualTo(4);

        MobilityPoint p = new MobilityPoint("parking", 0);
        acc.writeFields(p);
        assertThat(p.fields).containsEntry("min_available", 5L).containsEntry("observations", 4L);
    }

    @Test
    void parkingWithoutAnyAvailableNumberWritesNoMinimum() {
        ParkingAggregate agg = new ParkingAggregate();
        MobilityPoint p = new MobilityPoint("parking", 0);
        agg.add(parking(null, 50), agg.createAccumulator()).writeFields(p);
        assertThat(p.fields).doesNotContainKey("min_available");
        assertThat(p.fields.get("occupancy_rate").doubleValue()).isNaN();
    }

    @Test
    void bikeStationMeansAndEmptyAndFullSharesOfTheWindowsObservations() {
        BikeAggregate agg = new BikeAggregate();
        BikeAggregate.Acc acc = agg.createAccumulator();
        acc = agg.add(station(0, 10), acc); // empty
        acc = agg.add(station(5, 5), acc);
        acc = agg.add(station(10, 0), acc); // full
        acc = agg.add(station(5, 5), acc);
        assertThat(acc.meanBikes()).isEqualTo(5.0);
        assertThat(acc.meanFreeDocks()).isEqualTo(5.0);
        assertThat(acc.emptyShare()).isEqualTo(0.25);
        assertThat(acc.fullShare()).isEqualTo(0.25);

        BikeAggregate.Acc other = agg.add(station(0, 10), agg.createAccumulator());
        BikeAggregate.Acc merged = agg.merge(acc, other);
        assertThat(merged.emptyShare()).isEqualTo(2 / 5.0);
        assertThat(merged.fullShare()).isEqualTo(1 / 5.0);
    }
}
