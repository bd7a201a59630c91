package io.invicta.jobs.mobility;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficAggregateTest {

    private final TrafficAggregate aggregate = new TrafficAggregate();

    static TrafficReading reading(
            String sensor,
            Integer vehicles,
            Double kmh,
            Double occupancy,
            Boolean congested,
            double freeFlow) {
        return new TrafficReading(
                sensor, "1", "ez3f5x", vehicles, kmh, occupancy, congested, freeFlow);
    }

    private TrafficAggregate.Acc aggregate(TrafficReading... readings) {
        TrafficAggregate.Acc acc = aggregate.createAccumulator();
        for (TrafficReading r : readings) {
            acc = aggregate.add(r, acc);
        }
        return aggregate.getResult(acc);
    }

    /** The readings in the given order, cut into accumulators at random points, merged later. */
    private List<Long> bitsOfMergedRun(List<TrafficReading> readings, Random random) {
        List<TrafficAggregate.Acc> partials = new ArrayList<>();
        TrafficAggregate.Acc acc = aggregate.createAccumulator();
        for (TrafficReading r : readings) {
            acc = aggregate.add(r, acc);
            if (random.nextInt(10) == 0) {
                partials.add(acc);
                acc = aggregate.createAccumulator();
            }
        }
        Collections.shuffle(partials, random);
        for (TrafficAggregate.Acc partial : partials) {
            acc = aggregate.merge(acc, partial);
        }
        return List.of(
                Double.doubleToRawLongBits(acc.spaceMeanSpeed()),
                Double.doubleToRawLongBits(acc.meanOccupancy()),
                Double.doubleToRawLongBits(acc.congestionIndex()));
    }

    @Test
    void anyArrivalOrderAndAnyMergeOfPartialAccumulatorsGivesBitIdenticalResults() {
        Random random = new Random(5);
        List<TrafficReading> readings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            readings.add(
                    reading(
                            "s" + i % 7,
                            1 + random.nextInt(60),
                            10 + Math.round(random.nextDouble() * 900) / 10.0,
                            Math.round(random.nextDouble() * 1000) / 1000.0,
                            null,
                            40 + random.nextInt(5) * 10));
        }
        List<Long> first = bitsOfMergedRun(readings, random);
        for (int order = 0; order < 10; order++) {
            Collections.shuffle(readings, random);
            assertThat(bitsOfMergedRun(readings, random)).as("order %d", order).isEqualTo(first);
        }
    }

    @Test
    void spaceMeanSpeedIsFlowWeightedHarmonicNotTheMeanOfMeans() {
        TrafficAggregate.Acc acc =
                aggregate(
                        reading("s", 100, 20.0, null, null, 50),
                        reading("s", 100, 80.0, null, null, 50));

        // 200 / (100/20 + 100/80) = 200 / 6.25 = 32, where the mean of the means would be 50.
        assertThat(acc.spaceMeanSpeed()).isCloseTo(32.0, within(1e-9));
        assertThat(acc.vehicles).isEqualTo(200);
        assertThat(acc.observations).isEqualTo(2);
    }

    @Test
    void congestionIndexIsOneMinusSpaceMeanOverFreeFlowClampedAtZero() {
        assertThat(
                        aggregate(
                                        reading("s", 100, 20.0, null, null, 50),
                                        reading("s", 100, 80.0, null, null, 50))
                                .congestionIndex())
                .isCloseTo(1 - 32.0 / 50, within(1e-9));
        assertThat(aggregate(reading("s", 10, 70.0, null, null, 50)).congestionIndex()).isZero();
        assertThat(aggregate(reading("s", 0, null, 0.0, null, 50)).congestionIndex()).isNaN();
    }

    @Test
    void zoneCongestionIndexWeighsEachSensorsFreeFlowLikeTheSpeed() {
        // Sensor a: 60 veh at 30 of 60 km/h; sensor b: 40 veh at 40 of 40 km/h.
        TrafficAggregate.Acc acc =
                aggregate(
                        reading("a", 60, 30.0, null, null, 60),
                        reading("b", 40, 40.0, null, null, 40));
        double actualHours = 60 / 30.0 + 40 / 40.0; // 3
        double freeFlowHours = 60 / 60.0 + 40 / 40.0; // 2
        assertThat(acc.congestionIndex()).isCloseTo(1 - freeFlowHours / actualHours, within(1e-9));
    }

    @Test
    void congestedShareUsesTheFlagAndOtherwiseHalfTheFreeFlowSpeed() {
        TrafficAggregate.Acc acc =
                aggregate(
                        reading("s", 10, 60.0, null, true, 50), // flagged, though fast
                        reading("s", 10, 20.0, null, false, 50), // flag says no, though slow
                        reading("s", 10, 24.0, null, null, 50), // no flag: 24 < 25 → congested
                        reading("s", 10, 26.0, null, null, 50), // no flag: 26 ≥ 25 → free
                        reading(
                                "s", 10, null, 0.2, null,
                                50)); // neither flag nor speed: unknown, not counted
        assertThat(acc.congestedShare()).isCloseTo(2 / 4.0, within(1e-12));
    }

    @Test
    void meanOccupancyIsOverTheIntervalsThatReportIt() {
        TrafficAggregate.Acc acc =
                aggregate(
                        reading("s", 10, 50.0, 0.5, null, 50),
                        reading("s", 10, 50.0, 0.1, null, 50),
                        reading("s", 10, 50.0, null, null, 50));
        assertThat(acc.meanOccupancy()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void intervalsWithoutSpeedOrStoppedAddVehiclesButNoSpeed() {
        TrafficAggregate.Acc acc =
                aggregate(
                        reading("s", 100, 40.0, null, null, 50),
                        reading("s", 5, 0.0, null, null, 50),
                        reading("s", 7, null, null, null, 50));
        assertThat(acc.vehicles).isEqualTo(112);
        assertThat(acc.spaceMeanSpeed()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void mergedAccumulatorsEqualOneOverAllReadings() {
        TrafficAggregate.Acc a = aggregate(reading("s", 100, 20.0, 0.5, true, 50));
        TrafficAggregate.Acc b = aggregate(reading("s", 100, 80.0, 0.1, false, 50));
        TrafficAggregate.Acc merged = aggregate.merge(a, b);
        assertThat(merged.spaceMeanSpeed()).isCloseTo(32.0, within(1e-9));
        assertThat(merged.meanOccupancy()).isCloseTo(0.3, within(1e-12));
        assertThat(merged.congestedShare()).isEqualTo(0.5);
        assertThat(merged.vehicles).isEqualTo(200);
    }

    @Test
    void writesEveryMetricAsAField() {
        MobilityPoint p = new MobilityPoint("traffic", 0);
        aggregate(reading("s", 100, 20.0, 0.5, null, 50), reading("s", 100, 80.0, 0.1, false, 50))
                .writeFields(p);
        assertThat(p.fields)
                .containsEntry("vehicles", 200L)
                .containsEntry("observations", 2L)
                .containsEntry("congested_share", 0.5)
                .containsKeys("speed", "occupancy", "congestion_index");
        assertThat(p.fields.get("speed").doubleValue()).isCloseTo(32.0, within(1e-9));
        assertThat(p.fields.get("congestion_index").doubleValue()).isCloseTo(0.36, within(1e-9));
    }
}
