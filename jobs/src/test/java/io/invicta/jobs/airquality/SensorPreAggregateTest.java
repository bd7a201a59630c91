package io.invicta.jobs.airquality;

import io.invicta.domain.Geo;
import io.invicta.jobs.windows.SensorPreAggregate;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.invicta.jobs.airquality.SensorWindowsTest.MIN;
import static io.invicta.jobs.airquality.SensorWindowsTest.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SensorPreAggregateTest {

    private OneInputStreamOperatorTestHarness<AirQualityObserved, WindowStats> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new SensorPreAggregate<>(
                                Duration.ofMinutes(1),
                                ZoneResolver.geohash(6),
                                new AirQualityMeasurer()));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void observe(String sensor, String zone, long time, Double no2, Double pm10)
            throws Exception {
        harness.processElement(
                AirQualityObserved.newBuilder()
                        .setId(sensor)
                        .setZone(zone)
                        .setDateObserved(Instant.ofEpochMilli(time))
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setNo2(no2)
                        .setPm10(pm10)
                        .build(),
                time);
    }

    private List<WindowStats> slices() {
        return harness.extractOutputValues();
    }

    @Test
    void theObservationsOfASensorInOneSliceLeaveAsOneRecordBeforeTheNextWatermark()
            throws Exception {
        observe("s1", "z1", T, 10.0, 4.0);
        observe("s2", "z1", T + 1_000, 50.0, null);
        observe("s1", "z1", T + 10_000, 30.0, null);
        assertThat(slices()).as("held until the watermark").isEmpty();

        harness.processWatermark(new Watermark(T + 20_000));

        assertThat(slices())
                .flatExtracting(PollutantMeans::of)
                .extracting(
                        m -> m.sensorId,
                        m -> m.pollutant,
                        m -> m.windowStart,
                        m -> m.count,
                        m -> m.mean)
                .containsExactlyInAnyOrder(
                        tuple("s1", Pollutant.NO2, T, 2L, 20.0),
                        tuple("s1", Pollutant.PM10, T, 1L, 4.0),
                        tuple("s2", Pollutant.NO2, T, 1L, 50.0));
        Object last = harness.getOutput().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(last)
                .as("the watermark follows the slices")
                .isEqualTo(new Watermark(T + 20_000));
    }

    @Test
    void aSensorsNextSliceOrZoneSendsItsCurrentSliceOn() throws Exception {
        observe("s1", "z1", T, 10.0, null);
        observe("s1", "z1", T + MIN, 20.0, null); // next slice
        observe("s1", "z2", T + MIN + 1, 30.0, null); // other zone

        assertThat(slices())
                .extracting(w -> w.zone, w -> w.windowStart, w -> w.windowEnd)
                .containsExactly(tuple("z1", T, T + MIN), tuple("z1", T + MIN, T + 2 * MIN));
    }

    @Test
    void nothingIsHeldAcrossACheckpointOrIdleness() throws Exception {
        observe("s1", "z1", T, 10.0, null);
        harness.prepareSnapshotPreBarrier(1);
        assertThat(slices()).hasSize(1);

        observe("s1", "z1", T + 1, 20.0, null);
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(slices()).hasSize(2);
    }

    @Test
    void withoutAZoneTheGeohashOfTheLocationIsTheZoneAndNaNIsNoReading() throws Exception {
        observe("s1", null, T, Double.NaN, 7.0);
        observe("s2", null, T, Double.NaN, null); // no concentration at all: no window
        harness.processWatermark(new Watermark(T + MIN));

        assertThat(slices())
                .flatExtracting(PollutantMeans::of)
                .extracting(m -> m.sensorId, m -> m.zone, m -> m.pollutant)
                .containsExactly(tuple("s1", Geo.geohash(41.15, -8.61, 6), Pollutant.PM10));
    }

    @Test
    void theSliceIsTheGreatestLengthDividingEveryWindowAnHourAndAQuarter() {
        assertThat(SensorPreAggregate.sliceFor(Duration.ofMinutes(1), Duration.ofHours(1)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SensorPreAggregate.sliceFor(Duration.ofMinutes(5), Duration.ofDays(1)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(SensorPreAggregate.sliceFor(Duration.ofMinutes(7), Duration.ofHours(1)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SensorPreAggregate.sliceFor(Duration.ofSeconds(30), Duration.ofHours(1)))
                .isEqualTo(Duration.ofSeconds(30));
    }
}
