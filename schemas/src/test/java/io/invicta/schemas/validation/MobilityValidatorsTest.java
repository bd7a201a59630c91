package io.invicta.schemas.validation;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MobilityValidatorsTest {

    static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
    static final long NOW_MS = NOW.toEpochMilli();
    static final GeoPoint PORTO = GeoPoint.newBuilder().setLat(41.15).setLon(-8.61).build();
    static final Duration MAX_FUTURE = Duration.ofHours(1);

    static TrafficFlowObserved.Builder traffic() {
        return TrafficFlowObserved.newBuilder()
                .setId("t")
                .setDateObserved(NOW)
                .setLocation(PORTO)
                .setIntensity(10)
                .setAverageVehicleSpeed(40.0)
                .setOccupancy(0.2);
    }

    @Test
    void trafficRefusesNegativeCountsOccupancyOutsideZeroOneAndImpossibleSpeeds() {
        var v = new MobilityValidators.Traffic(MAX_FUTURE);
        assertThat(v.check(traffic().build(), NOW_MS)).isNull();
        assertThat(
                        v.check(
                                traffic()
                                        .setIntensity(null)
                                        .setAverageVehicleSpeed(null)
                                        .setOccupancy(null)
                                        .build(),
                                NOW_MS))
                .isNull();
        assertThat(v.check(traffic().setIntensity(-1).build(), NOW_MS)).contains("intensity");
        assertThat(v.check(traffic().setOccupancy(1.01).build(), NOW_MS)).contains("occupancy");
        assertThat(v.check(traffic().setOccupancy(-0.01).build(), NOW_MS)).contains("occupancy");
        assertThat(v.check(traffic().setAverageVehicleSpeed(-1.0).build(), NOW_MS))
                .contains("averageVehicleSpeed");
        assertThat(v.check(traffic().setAverageVehicleSpeed(251.0).build(), NOW_MS))
                .contains("averageVehicleSpeed");
        assertThat(v.check(traffic().setAverageVehicleSpeed(Double.NaN).build(), NOW_MS))
                .contains("averageVehicleSpeed");
        assertThat(
                        v.check(
                                traffic()
                                        .setLocation(
                                                GeoPoint.newBuilder().setLat(91).setLon(0).build())
                                        .build(),
                                NOW_MS))
                .contains("WGS84");
        assertThat(
                        v.check(
                                traffic().setDateObserved(NOW.plus(Duration.ofHours(2))).build(),
                                NOW_MS))
                .contains("future");
    }

    @Test
    void parkingRefusesANegativeCapacityButLeavesCountingDriftToTheAnomalyChecks() {
        var v = new MobilityValidators.Parking(MAX_FUTURE);
        var ok =
                OnStreetParking.newBuilder()
                        .setId("p")
                        .setDateObserved(NOW)
                        .setLocation(PORTO)
                        .setAvailableSpotNumber(3)
                        .setTotalSpotNumber(10);
        assertThat(v.check(ok.build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setAvailableSpotNumber(11).build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setAvailableSpotNumber(-1).build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setTotalSpotNumber(-1).build(), NOW_MS)).contains("negative");
    }

    @Test
    void bikeStationsRefuseNegativeCountsButLeaveCountingDriftToTheAnomalyChecks() {
        var v = new MobilityValidators.Bikes(MAX_FUTURE);
        var ok =
                BikeHireDockingStation.newBuilder()
                        .setId("b")
                        .setDateObserved(NOW)
                        .setLocation(PORTO)
                        .setAvailableBikeNumber(4)
                        .setFreeSlotNumber(6)
                        .setTotalSlotNumber(10);
        assertThat(v.check(ok.build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setAvailableBikeNumber(11).build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setAvailableBikeNumber(4).setFreeSlotNumber(12).build(), NOW_MS))
                .isNull();
        assertThat(v.check(ok.setFreeSlotNumber(-2).build(), NOW_MS)).contains("negative");
    }

    @Test
    void vehiclesRefuseImpossibleReportedSpeedsAndOffGlobeFixes() {
        var v = new MobilityValidators.Vehicles(MAX_FUTURE);
        var ok =
                VehiclePosition.newBuilder()
                        .setId("v")
                        .setVehicleId("v")
                        .setDateObserved(NOW)
                        .setLocation(PORTO)
                        .setSpeed(30.0);
        assertThat(v.check(ok.build(), NOW_MS)).isNull();
        assertThat(v.check(ok.setSpeed(300.0).build(), NOW_MS)).contains("speed");
        assertThat(
                        v.check(
                                ok.setSpeed(null)
                                        .setLocation(
                                                GeoPoint.newBuilder().setLat(0).setLon(181).build())
                                        .build(),
                                NOW_MS))
                .contains("WGS84");
    }
}
