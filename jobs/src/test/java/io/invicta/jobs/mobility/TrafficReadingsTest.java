package io.invicta.jobs.mobility;

import io.invicta.domain.Geo;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.TrafficFlowObserved;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficReadingsTest {

    static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    static final double LAT = 41.1480, LON = -8.6110;

    private KeyedOneInputStreamOperatorTestHarness<String, TrafficFlowObserved, TrafficReading>
            harness;
    private long seq;

    private void open(Map<String, Double> configured, FreeFlowLearning learning) throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new TrafficReadings(
                                        ZoneResolver.geohash(6), 50, configured, learning)),
                        TrafficFlowObserved::getId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private TrafficReading send(String sensor, Double kmh, Integer vehicles) throws Exception {
        Instant t = T0.plusSeconds(60 * seq++);
        TrafficFlowObserved o =
                TrafficFlowObserved.newBuilder()
                        .setId(sensor)
                        .setDateObserved(t)
                        .setLocation(new GeoPoint(LAT, LON))
                        .setIntensity(vehicles)
                        .setAverageVehicleSpeed(kmh)
                        .build();
        harness.processElement(new StreamRecord<>(o, t.toEpochMilli()));
        List<TrafficReading> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void withoutLearningTheConfiguredOrDefaultSpeedAppliesAndNothingIsKept() throws Exception {
        open(Map.of("tf-1", 64.0), null);
        assertThat(send("tf-1", 30.0, 10).freeFlowSpeed).isEqualTo(64.0);
        TrafficReading other = send("tf-2", 30.0, 10);
        assertThat(other.freeFlowSpeed).isEqualTo(50.0);
        assertThat(other.zone).isEqualTo(Geo.geohash(LAT, LON, 6));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void theDefaultAppliesUntilTheSensorHasEnoughObservationsThenItsPercentile() throws Exception {
        open(Map.of(), new FreeFlowLearning(85, 20));
        // Speeds 41..60 km/h, one each: the 85th nearest-rank percentile of 20 values is the 17th,
        // 57 km/h.
        for (int i = 1; i <= 19; i++) {
            assertThat(send("tf-1", 40.0 + i, 5).freeFlowSpeed)
                    .as("observation %d of 20", i)
                    .isEqualTo(50.0);
        }
        assertThat(send("tf-1", 60.0, 5).freeFlowSpeed).isEqualTo(57.0);
        TrafficReading jam = send("tf-1", 10.0, 30);
        assertThat(jam.freeFlowSpeed)
                .as("the estimate at the time of the observation, this one included")
                .isEqualTo(57.0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void aConfiguredSpeedWinsOverTheLearnedOneAndKeepsNoState() throws Exception {
        open(Map.of("tf-1", 64.0), new FreeFlowLearning(85, 1));
        assertThat(send("tf-1", 100.0, 5).freeFlowSpeed).isEqualTo(64.0);
        assertThat(send("tf-1", 100.0, 5).freeFlowSpeed).isEqualTo(64.0);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void sensorsLearnTheirOwnSpeedsSeparately() throws Exception {
        open(Map.of(), new FreeFlowLearning(85, 1));
        send("tf-1", 80.0, 5);
        send("tf-2", 30.0, 5);
        assertThat(send("tf-1", 80.0, 5).freeFlowSpeed).isEqualTo(80.0);
        assertThat(send("tf-2", 30.0, 5).freeFlowSpeed).isEqualTo(30.0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void intervalsWithoutVehiclesOrSpeedTeachNothing() throws Exception {
        open(Map.of(), new FreeFlowLearning(85, 1));
        assertThat(send("tf-1", 120.0, 0).freeFlowSpeed)
                .as("no vehicles: no driven speed")
                .isEqualTo(50.0);
        assertThat(send("tf-1", null, 7).freeFlowSpeed).isEqualTo(50.0);
        assertThat(send("tf-1", 0.0, 7).freeFlowSpeed).isEqualTo(50.0);
        assertThat(send("tf-1", 70.0, null).freeFlowSpeed)
                .as("count unknown, speed known")
                .isEqualTo(70.0);
    }

    @Test
    void theLearnedSpeedSurvivesASnapshotAndRestore() throws Exception {
        open(Map.of(), new FreeFlowLearning(50, 3));
        send("tf-1", 60.0, 5);
        send("tf-1", 62.0, 5);
        var snapshot = harness.snapshot(1, 1);
        harness.close();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new TrafficReadings(
                                        ZoneResolver.geohash(6),
                                        50,
                                        Map.of(),
                                        new FreeFlowLearning(50, 3))),
                        TrafficFlowObserved::getId,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        assertThat(send("tf-1", 64.0, 5).freeFlowSpeed)
                .as("third observation, counted across the restore")
                .isEqualTo(62.0);
    }
}
