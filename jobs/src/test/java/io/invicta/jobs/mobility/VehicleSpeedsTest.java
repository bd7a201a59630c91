package io.invicta.jobs.mobility;

import io.invicta.domain.Geo;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.VehiclePosition;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VehicleSpeedsTest {

    static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    static final Duration INACTIVITY = Duration.ofMinutes(10);

    /** Aliados, Porto, and a point 0.001° of latitude further north. */
    static final double LAT = 41.1480, LON = -8.6110;

    private VehicleSpeeds speeds;
    private KeyedOneInputStreamOperatorTestHarness<String, VehiclePosition, VehicleMove> harness;

    @BeforeEach
    void setUp() throws Exception {
        speeds = new VehicleSpeeds(200, INACTIVITY, ZoneResolver.geohash(6));
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(speeds),
                        VehiclePosition::getVehicleId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static VehiclePosition fix(String vehicle, Instant time, double lat, double lon) {
        return VehiclePosition.newBuilder()
                .setId(vehicle)
                .setVehicleId(vehicle)
                .setDateObserved(time)
                .setLocation(GeoPoint.newBuilder().setLat(lat).setLon(lon).build())
                .build();
    }

    private void send(VehiclePosition p) throws Exception {
        harness.processElement(new StreamRecord<>(p, p.getDateObserved().toEpochMilli()));
    }

    private List<VehicleMove> moves() {
        return harness.extractOutputValues();
    }

    /**
     * Independent of {@link Geo}: on a meridian the distance is R·Δφ, with R the mean Earth radius.
     */
    private static double metersAlongMeridian(double dLatDegrees) {
        return 6_371_008.8 * Math.toRadians(dLatDegrees);
    }

    @Test
    void speedOfTwoFixesFifteenSecondsApartIsTheirDistanceOverTheGap() throws Exception {
        send(fix("bus-1", T0, LAT, LON));
        send(fix("bus-1", T0.plusSeconds(15), LAT + 0.001, LON));

        double meters = metersAlongMeridian(0.001); // ≈ 111.2 m
        assertThat(moves()).hasSize(2);
        VehicleMove first = moves().get(0);
        assertThat(first.seconds).isZero();
        assertThat(first.kmh()).isNaN();
        VehicleMove move = moves().get(1);
        assertThat(move.vehicleId).isEqualTo("bus-1");
        assertThat(move.seconds).isEqualTo(15.0);
        assertThat(move.meters).isCloseTo(meters, within(1e-6));
        assertThat(move.kmh())
                .isCloseTo(meters / 15 * 3.6, within(1e-6))
                .isCloseTo(26.69, within(0.01));
        assertThat(move.zone).isEqualTo(Geo.geohash(LAT + 0.001, LON, 6));
        assertThat(move.time).isEqualTo(T0.plusSeconds(15).toEpochMilli());
    }

    @Test
    void implausibleJumpIsRejectedCountedAndThePreviousFixKept() throws Exception {
        send(fix("taxi-7", T0, LAT, LON));
        // 0.1° of latitude ≈ 11.1 km in 15 s ≈ 2668 km/h.
        send(fix("taxi-7", T0.plusSeconds(15), LAT + 0.1, LON));
        // Measured from the kept first fix: 0.002° in 30 s ≈ 26.7 km/h.
        send(fix("taxi-7", T0.plusSeconds(30), LAT + 0.002, LON));

        assertThat(moves()).hasSize(2);
        assertThat(moves().get(1).seconds).isEqualTo(30.0);
        assertThat(moves().get(1).meters).isCloseTo(metersAlongMeridian(0.002), within(1e-6));
        assertThat(speeds.implausibleJumps()).isEqualTo(1);
        assertThat(speeds.nonPositiveGaps()).isZero();
    }

    @Test
    void duplicateAndOutOfOrderFixesAreRejectedAndCounted() throws Exception {
        send(fix("bus-2", T0.plusSeconds(30), LAT, LON));
        send(fix("bus-2", T0.plusSeconds(30), LAT + 0.0001, LON));
        send(fix("bus-2", T0.plusSeconds(10), LAT + 0.0002, LON));

        assertThat(moves()).hasSize(1);
        assertThat(speeds.nonPositiveGaps()).isEqualTo(2);
    }

    @Test
    void stateAndTimerOfAVehicleAreClearedAfterTheInactivityTimeout() throws Exception {
        send(fix("bus-3", T0, LAT, LON));
        send(fix("bus-3", T0.plusSeconds(15), LAT + 0.001, LON));
        send(fix("tram-1", T0.plusSeconds(20), LAT, LON));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        // One live timer per vehicle: the second fix of bus-3 replaced the timer of its first.
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(T0.plusSeconds(15).plus(INACTIVITY).toEpochMilli() - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processWatermark(T0.plusSeconds(15).plus(INACTIVITY).toEpochMilli());
        assertThat(harness.numKeyedStateEntries())
                .isEqualTo(1); // tram-1 is still within its timeout
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(T0.plusSeconds(20).plus(INACTIVITY).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aVehicleSeenAgainAfterItsTimeoutStartsAfresh() throws Exception {
        send(fix("bus-4", T0, LAT, LON));
        harness.processWatermark(T0.plus(INACTIVITY).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();

        // Far from the forgotten fix: would be an implausible jump if that fix were still kept.
        send(fix("bus-4", T0.plus(INACTIVITY).plusSeconds(1), LAT + 0.5, LON));
        assertThat(moves()).hasSize(2);
        assertThat(moves().get(1).seconds).isZero();
        assertThat(speeds.implausibleJumps()).isZero();
    }
}
